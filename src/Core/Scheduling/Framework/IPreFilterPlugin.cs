namespace Playground.Core.Scheduling.Framework;

/// <summary>
/// The PreFilter and PreScore extension points: plugins that must look at every node before judging one (inter-pod
/// affinity, topology spread) work out their per-cycle state here and keep it in <see cref="PodInfo.CycleState"/>.
/// </summary>
public interface IPreFilterPlugin
{
    string Name { get; }

    /// <summary>Runs once per cycle before any Filter, with every node of the snapshot.</summary>
    void PreFilter(PodInfo pod, Snapshot snapshot);
}

/// <summary>A score plugin that needs every node of the snapshot and the feasible ones before scoring any of them.</summary>
public interface IPreScorePlugin
{
    /// <summary>False when the plugin has nothing to say about this pod in this cycle (upstream's Skip): it is not scored.</summary>
    bool PreScore(PodInfo pod, Snapshot snapshot, IReadOnlyList<NodeInfo> feasible);
}
