using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>
/// The controller's memory between syncs (<see cref="DaemonSetState"/>): which nodes changed, each node's verdict and
/// share of the status, and the settled path that uses them, so a sync after one daemon pod's change looks at one node.
/// </summary>
public sealed partial class DaemonSetController
{
    /// <summary>
    /// A daemon pod's change marks its node for its DaemonSet's next sync; a change to a pod without a controller may
    /// be an adoption to make, which only a sync of everything does.
    /// </summary>
    private void MarkChanged(Pod? pod)
    {
        if (pod is null || _states.Count == 0) return;
        if (ControllerRefs.ControllerOf(pod) is not { } owner)
        {
            foreach (var state in _states.Values)
                if (state.Namespace == pod.Metadata.Namespace) state.Full = true;
            return;
        }
        if (owner.Kind != "DaemonSet" || !_states.TryGetValue($"{pod.Metadata.Namespace}/{owner.Name}", out var owning) || owning.Uid != owner.Uid) return;
        if (DaemonPods.TargetNode(pod) is { } node) owning.Dirty.Add(node);
        else owning.Full = true;
    }

    /// <summary>The DaemonSet's state, begun again when the DaemonSet is new, replaced or has a new template.</summary>
    private DaemonSetState StateOf(string key, DaemonSet ds)
    {
        var generation = DaemonSetRules.TemplateGeneration(ds);
        if (!_states.TryGetValue(key, out var state) || state.Uid != ds.Metadata.Uid || state.Generation != ds.Metadata.Generation
            || state.TemplateGeneration != generation)
            _states[key] = state = new DaemonSetState(ds.Metadata.Namespace!, ds.Metadata.Uid!, ds.Metadata.Generation, generation);
        return state;
    }

    /// <summary>
    /// The settled path: when every node holds what Manage and the rolling update would leave alone (no pod where
    /// none should run, one live pod where one should stay, no old-template pod anywhere), only the changed nodes'
    /// counts move. Minimum ready seconds make availability a matter of time, so those DaemonSets always take the full path.
    /// </summary>
    private bool SettleChangedNodes(DaemonSet ds, DaemonSetState state, string hash)
    {
        if ((ds.Spec.MinReadySeconds ?? 0) > 0) return false;
        var judged = new List<(string Node, DaemonCounts Counts, bool HasOld)>(state.Dirty.Count);
        PodInfo? prototype = null;
        foreach (var name in state.Dirty)
        {
            if (_nodes.Get(name) is not { } node) return false;
            var (shouldRun, shouldContinue) = Verdict(state, ds, node, ref prototype);
            Pod? only = null;
            foreach (var pod in _pods.ByIndex(DaemonPodsByNode, name))
            {
                if (ControllerRefs.ControllerOf(pod)?.Uid != state.Uid) continue;
                if (only is not null || !LabelSelectors.Matches(ds.Spec.Selector, pod.Metadata.Labels)) return false;
                only = pod;
            }
            List<Pod> pods = only is null ? [] : [only];
            if (!LeftAlone(shouldRun, shouldContinue, pods)) return false;
            judged.Add((name, CountNode(ds, shouldRun, pods, hash), HasOld(ds, pods, hash)));
        }
        foreach (var (node, counts, hasOld) in judged) state.Set(node, counts, hasOld, unsettled: false);
        state.Dirty.Clear();
        return state.UnsettledNodes == 0 && (ds.Spec.UpdateStrategy?.Type != "RollingUpdate" || state.NodesWithOld == 0);
    }

    /// <summary>A node and whether a daemon pod should run there, judged once per sync.</summary>
    private readonly record struct Eligibility(string Name, bool ShouldRun, bool ShouldContinueRunning);

    /// <summary>Every node in name order with NodeShouldRunDaemonPod's verdict, judged again only for nodes that changed.</summary>
    private List<Eligibility> Eligible(DaemonSetState state, DaemonSet ds)
    {
        var names = _nodeNames ??= [.. _nodes.List().Select(n => n.Metadata.Name!).Order(StringComparer.Ordinal)];
        if (state.Verdicts.Count > names.Length) state.Verdicts.Clear();
        PodInfo? prototype = null;
        var eligible = new List<Eligibility>(names.Length);
        foreach (var name in names)
        {
            var (shouldRun, shouldContinue) = Verdict(state, ds, _nodes.Get(name)!, ref prototype);
            eligible.Add(new Eligibility(name, shouldRun, shouldContinue));
        }
        return eligible;
    }

    /// <summary>NodeShouldRunDaemonPod's verdict, kept per node until the node object changes (the template cannot: a new one begins a new state).</summary>
    private static (bool ShouldRun, bool ShouldContinueRunning) Verdict(DaemonSetState state, DaemonSet ds, Node node, ref PodInfo? prototype)
    {
        var name = node.Metadata.Name!;
        if (!state.Verdicts.TryGetValue(name, out var verdict) || !ReferenceEquals(verdict.Node, node))
        {
            var (shouldRun, shouldContinue) = DaemonPods.ShouldRun(node, prototype ??= DaemonPods.Prototype(ds));
            state.Verdicts[name] = verdict = (node, shouldRun, shouldContinue);
        }
        return (verdict.ShouldRun, verdict.ShouldContinueRunning);
    }

    /// <summary>Upstream's updateDaemonSetStatus counts, node by node, kept in the state for the settled path.</summary>
    private void Count(DaemonSetState state, DaemonSet ds, IReadOnlyList<Eligibility> nodes, Dictionary<string, List<Pod>> byNode, string hash)
    {
        state.Reset();
        foreach (var node in nodes)
        {
            var pods = byNode.GetValueOrDefault(node.Name) ?? [];
            state.Set(node.Name, CountNode(ds, node.ShouldRun, pods, hash), HasOld(ds, pods, hash), !LeftAlone(node.ShouldRun, node.ShouldContinueRunning, pods));
        }
        // Pods meant for nodes that are gone count for nothing, but Manage deletes those still unscheduled, and an old one keeps a rollout going.
        foreach (var (node, pods) in byNode)
            if (!state.Nodes.ContainsKey(node))
                state.Set(node, default, HasOld(ds, pods, hash), pods.Exists(p => string.IsNullOrEmpty(p.Spec.NodeName) && p.Metadata.DeletionTimestamp is null));
    }

    /// <summary>Manage has nothing to do on a node with no pod where none should run, or one live pod that may stay.</summary>
    private static bool LeftAlone(bool shouldRun, bool shouldContinueRunning, List<Pod> pods) => pods.Count switch
    {
        0 => !shouldRun,
        1 => shouldContinueRunning && pods[0].Status?.Phase is not ("Failed" or "Succeeded"),
        _ => false,
    };

    /// <summary>One node's share of the status, judged by its oldest daemon pod.</summary>
    private DaemonCounts CountNode(DaemonSet ds, bool shouldRun, List<Pod> pods, string hash)
    {
        if (!shouldRun) return new DaemonCounts(0, 0, pods.Count > 0 ? 1 : 0, 0, 0, 0);
        if (pods.Count == 0) return new DaemonCounts(1, 0, 0, 0, 0, 0);
        var pod = pods.Count == 1 ? pods[0] : DaemonPods.Oldest(pods).First();
        var ready = PodReadiness.IsReady(pod);
        var available = ready && PodReadiness.IsAvailable(pod, ds.Spec.MinReadySeconds ?? 0, _clock.Now);
        return new DaemonCounts(1, 1, 0, ready ? 1 : 0, available ? 1 : 0, DaemonPods.IsUpdated(pod, hash, ds) ? 1 : 0);
    }

    private static bool HasOld(DaemonSet ds, List<Pod> pods, string hash) => pods.Exists(p => !DaemonPods.IsUpdated(p, hash, ds));
}
