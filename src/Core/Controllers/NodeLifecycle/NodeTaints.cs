using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.NodeLifecycle;

/// <summary>The taints the node lifecycle controller owns (upstream's well-known node taints) and the ones a node's state calls for.</summary>
public static class NodeTaints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string Unschedulable = "node.kubernetes.io/unschedulable";

    /// <summary>
    /// NoSchedule taints follow the Ready condition and spec.unschedulable (doNoScheduleTaintingPass); NoExecute ones
    /// follow the Ready condition only (doNoExecuteTaintingPass). Ready True wants none.
    /// </summary>
    public static IEnumerable<(string Key, string Effect)> Wanted(Node node)
    {
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;
        var key = ready switch { "False" => NotReady, "Unknown" => Unreachable, _ => null };
        if (key is not null)
        {
            yield return (key, "NoSchedule");
            yield return (key, "NoExecute");
        }
        if (node.Spec.Unschedulable == true) yield return (Unschedulable, "NoSchedule");
    }

    /// <summary>The node's taints with the managed ones brought in line with <see cref="Wanted"/>; null when nothing changes.</summary>
    public static List<Taint>? Reconcile(Node node, DateTimeOffset now)
    {
        var wanted = Wanted(node).ToList();
        var current = node.Spec.Taints ?? [];
        bool Managed(Taint t) => t.Key is NotReady or Unreachable or Unschedulable;
        var kept = current.Where(t => !Managed(t) || wanted.Contains((t.Key, t.Effect))).ToList();
        var added = wanted.Where(w => !current.Any(t => t.Key == w.Key && t.Effect == w.Effect))
            .Select(w => new Taint { Key = w.Key, Effect = w.Effect, TimeAdded = now })
            .ToList();
        if (added.Count == 0 && kept.Count == current.Count) return null;
        return [.. kept, .. added];
    }
}
