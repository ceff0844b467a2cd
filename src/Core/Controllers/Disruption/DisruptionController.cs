using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Policy;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Disruption;

/// <summary>
/// Upstream's disruption controller (pkg/controller/disruption): for each PodDisruptionBudget it counts the pods it
/// selects, how many are healthy and how many must stay so, and publishes how many disruptions are allowed now —
/// the number the eviction subresource checks and decrements.
/// </summary>
public sealed class DisruptionController : IComponent
{
    public const string Actor = "disruption-controller";

    /// <summary>How long an eviction the API server granted counts as a disruption before the pod is gone (DeletionTimeout).</summary>
    public static readonly TimeSpan DeletionTimeout = TimeSpan.FromMinutes(2);

    private readonly ClusterServices _services;
    private readonly Informer<PodDisruptionBudget> _budgets;
    private readonly Informer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;

    public DisruptionController(ClusterServices services)
    {
        _services = services;
        _budgets = services.Informers.For<PodDisruptionBudget>();
        _pods = services.Informers.For<Pod>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_budgets);
        _pods.OnChange((old, current, cause) =>
        {
            foreach (var pod in new[] { old, current })
            {
                if (pod is null) continue;
                foreach (var pdb in _budgets.List(pod.Metadata.Namespace).Where(b => Selects(b, pod)))
                    _queue.Add(Informer<PodDisruptionBudget>.KeyOf(pdb), cause);
            }
        });
    }

    /// <summary>policy/v1 semantics: a null selector selects nothing, an empty one every pod of the namespace.</summary>
    public static bool Selects(PodDisruptionBudget pdb, Pod pod) =>
        pdb.Spec.Selector is { } selector && LabelSelectors.Matches(selector, pod.Metadata.Labels);

    private void Sync(string key, long? cause)
    {
        if (_budgets.Get(key) is not { } pdb) return;
        var write = new WriteContext(Actor, cause);
        var now = _services.Clock.Now;
        var pods = _pods.List(pdb.Metadata.Namespace).Where(p => Selects(pdb, p)).ToList();
        var status = pdb.Status ?? new PodDisruptionBudgetStatus();

        var disrupted = new Dictionary<string, DateTimeOffset>();
        DateTimeOffset? recheck = null;
        foreach (var (podName, at) in status.DisruptedPods ?? [])
        {
            var pod = pods.FirstOrDefault(p => p.Metadata.Name == podName);
            if (pod is null || pod.Metadata.DeletionTimestamp is not null || at + DeletionTimeout <= now) continue;
            disrupted[podName] = at;
            if (recheck is null || at + DeletionTimeout < recheck) recheck = at + DeletionTimeout;
        }
        var healthy = pods.Count(p => p.Metadata.DeletionTimestamp is null && !disrupted.ContainsKey(p.Metadata.Name!) && PodReadiness.IsReady(p));

        var (expected, desired, problem) = Expectation(pdb, pods);
        if (problem is not null) _events.Warning(pdb, "CalculateExpectedPodCountFailed", $"Failed to calculate the number of expected pods: {problem}", write);
        var allowed = problem is null && expected > 0 ? Math.Max(0, healthy - desired) : 0;

        var updated = KubeJson.Clone(pdb);
        var next = updated.Status = new PodDisruptionBudgetStatus
        {
            ObservedGeneration = pdb.Metadata.Generation,
            DisruptedPods = disrupted.Count == 0 ? null : disrupted,
            DisruptionsAllowed = allowed,
            CurrentHealthy = healthy,
            DesiredHealthy = desired,
            ExpectedPods = expected,
            Conditions = [Condition(status, allowed > 0, pdb.Metadata.Generation, now)],
        };
        if (KubeJson.SerializeValue(next) != KubeJson.SerializeValue(pdb.Status)) _services.Api.UpdateStatus(updated, write);
        if (recheck is { } at2) _queue.AddAfter(key, at2 - now, cause);
    }

    /// <summary>getExpectedPodCount: how many pods there should be and how many must be healthy; a percentage needs the controllers' scale.</summary>
    private (int Expected, int Desired, string? Problem) Expectation(PodDisruptionBudget pdb, List<Pod> pods)
    {
        var spec = pdb.Spec;
        if (spec.MaxUnavailable is null && spec.MinAvailable is { IsInt: true } min) return (pods.Count, min.IntValue!.Value, null);
        var (scale, problem) = ExpectedScale(pods);
        if (problem is not null) return (0, 0, problem);
        if (spec.MaxUnavailable is { } max) return (scale, Math.Max(0, scale - max.Scaled(scale, roundUp: true)), null);
        if (spec.MinAvailable is { } percent) return (scale, percent.Scaled(scale, roundUp: true), null);
        return (scale, scale, null);
    }

    /// <summary>The sum of spec.replicas of the controllers of the selected pods (a Deployment's, for its ReplicaSets' pods).</summary>
    private (int Scale, string? Problem) ExpectedScale(List<Pod> pods)
    {
        var counted = new Dictionary<string, int>();
        foreach (var pod in pods)
        {
            var reference = ControllerRefs.ControllerOf(pod);
            if (reference is null) return (0, $"found no controller ref for pod \"{pod.Metadata.Name}\"");
            var owner = Owner(pod.Metadata.Namespace, reference);
            if (owner is ReplicaSet rs && ControllerRefs.ControllerOf(rs) is { Kind: "Deployment" } deploymentRef
                && Owner(rs.Metadata.Namespace, deploymentRef) is { } deployment)
                owner = deployment;
            var replicas = owner is null ? null : KubeJson.ToNode(owner)["spec"]?["replicas"]?.GetValue<int>();
            if (replicas is null) return (0, $"found no controllers for pod \"{pod.Metadata.Name}\"");
            counted[owner!.Metadata.Uid!] = replicas.Value;
        }
        return (counted.Values.Sum(), null);
    }

    private KubeObject? Owner(string? ns, OwnerReference reference)
    {
        var type = _services.Api.Resources.ByKind(reference.ApiVersion, reference.Kind);
        var owner = type is null ? null : _services.Api.TryGet(type, ns, reference.Name);
        return owner?.Metadata.Uid == reference.Uid ? owner : null;
    }

    private static Condition Condition(PodDisruptionBudgetStatus old, bool allowed, long? generation, DateTimeOffset now)
    {
        var status = allowed ? "True" : "False";
        var previous = old.Conditions?.FirstOrDefault(c => c.Type == "DisruptionAllowed");
        return new Condition
        {
            Type = "DisruptionAllowed",
            Status = status,
            Reason = allowed ? "SufficientPods" : "InsufficientPods",
            Message = "",
            LastTransitionTime = previous?.Status == status ? previous.LastTransitionTime : now,
        };
    }
}
