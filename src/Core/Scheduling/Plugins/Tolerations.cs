using Playground.Core.Api.Core;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>Whether tolerations let a pod past a node's taints, as v1helper.FindMatchingUntoleratedTaint decides.</summary>
public static class Tolerations
{
    public static bool Tolerates(this Toleration toleration, Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect) return false;
        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key) return false;
        return toleration.Operator switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

    public static bool Tolerate(this IEnumerable<Toleration>? tolerations, Taint taint) =>
        (tolerations ?? []).Any(t => t.Tolerates(taint));

    /// <summary>The first taint with one of <paramref name="effects"/> that no toleration matches.</summary>
    public static Taint? FirstUntolerated(Node node, IEnumerable<Toleration>? tolerations, params string[] effects) =>
        (node.Spec.Taints ?? []).FirstOrDefault(t => effects.Contains(t.Effect) && !tolerations.Tolerate(t));
}
