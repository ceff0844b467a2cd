using Playground.Core.Storage;

namespace Playground.Client.Cluster.Trace;

/// <summary>One component's writes within a command's trace.</summary>
public sealed record TraceLane(string Actor, string Title, string Icon, IReadOnlyList<WriteRecord> Steps)
{
    /// <summary>
    /// A command's writes by component, in the order the architecture guides draw the flow: kubectl, controllers,
    /// scheduler, kubelets, endpoints; other components after them, in the order they first wrote.
    /// </summary>
    public static IReadOnlyList<TraceLane> Of(TracedCommand command) =>
        command.Writes
            .GroupBy(w => w.Actor)
            .OrderBy(g => Rank(g.Key))
            .ThenBy(g => g.First().Revision)
            .Select(g => new TraceLane(g.Key, TitleOf(g.Key), IconOf(g.Key), g.ToList()))
            .ToList();

    private static int Rank(string actor) => actor switch
    {
        RecentWrites.Kubectl => 0,
        _ when actor == RecentWrites.Fault => 0,
        "deployment-controller" => 1,
        "replicaset-controller" => 2,
        "default-scheduler" => 3,
        _ when actor.StartsWith("kubelet/", StringComparison.Ordinal) => 4,
        "endpoints-controller" => 5,
        "endpointslice-controller" => 6,
        _ when actor.StartsWith("kube-proxy", StringComparison.Ordinal) => 7,
        _ => 8,
    };

    private static string TitleOf(string actor) => actor switch
    {
        RecentWrites.Kubectl => "kubectl",
        _ when actor == RecentWrites.Fault => "Fault (from the faults bar)",
        "deployment-controller" => "Deployment controller",
        "replicaset-controller" => "ReplicaSet controller",
        "default-scheduler" => "Scheduler",
        _ when actor.StartsWith("kubelet/", StringComparison.Ordinal) => $"Kubelet on {actor["kubelet/".Length..]}",
        "endpoints-controller" => "Endpoints controller",
        "endpointslice-controller" => "EndpointSlice controller",
        _ => actor,
    };

    private static string IconOf(string actor) => Rank(actor) switch
    {
        0 when actor == RecentWrites.Fault => "bi-lightning",
        0 => "bi-terminal",
        1 => "bi-layers",
        2 => "bi-stack",
        3 => "bi-signpost-split",
        4 => "bi-hdd-rack",
        5 or 6 or 7 => "bi-diagram-2",
        _ => "bi-gear",
    };
}
