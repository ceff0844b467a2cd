using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Server.Classrooms;

/// <summary>
/// A classroom's starting point: the shape of the cluster, the objects it starts with, and tasks whose checks are
/// evaluated against each student's live sandbox. Built from YAML by <see cref="ScenarioReader"/>.
/// </summary>
public sealed record Scenario(string Title, string Description, ScenarioCluster Cluster, IReadOnlyList<Manifest> Objects, IReadOnlyList<ScenarioTask> Tasks)
{
    /// <summary>The start objects (each with its line in the scenario's YAML) as one multi-document YAML text (JSON documents are YAML), or null when there are none.</summary>
    public string? Manifests => Objects.Count == 0 ? null : string.Join("\n---\n", Objects.Select(o => o.Node.ToJsonString()));

    /// <summary>The server's cluster shape with what the scenario sets in place of the defaults.</summary>
    public ClusterOptions ClusterOptions(ClusterOptions defaults) => defaults with
    {
        Nodes = Cluster.Nodes ?? defaults.Nodes,
        NodeCpu = Cluster.NodeCpu ?? defaults.NodeCpu,
        NodeMemory = Cluster.NodeMemory ?? defaults.NodeMemory,
        MaxPods = Cluster.MaxPods ?? defaults.MaxPods,
    };
}

/// <summary>The parts of <see cref="Core.Simulation.ClusterOptions"/> a scenario may set; null keeps the server's default.</summary>
public sealed record ScenarioCluster(int? Nodes = null, string? NodeCpu = null, string? NodeMemory = null, int? MaxPods = null);

/// <summary>One thing to do; it counts as done while every one of its checks holds.</summary>
public sealed record ScenarioTask(string Title, string? Hint, IReadOnlyList<ScenarioCheck> Checks);
