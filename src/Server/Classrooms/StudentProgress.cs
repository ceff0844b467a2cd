using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.Classrooms;

/// <summary>One task's state in one sandbox: passed while every one of its checks holds.</summary>
public sealed record TaskState(string Title, bool Passed, IReadOnlyList<CheckOutcome> Checks);

/// <summary>
/// What the instructor's grid shows of one sandbox: the scenario's tasks, the pods of the student's own namespaces,
/// when the student last changed something (simulated time of the last write by kubectl or a real client, which the
/// API server records as actor "kubectl") and the Warning events of the last <see cref="WarningWindow"/>.
/// </summary>
public sealed record StudentProgress(
    IReadOnlyList<TaskState> Tasks,
    int TasksPassed,
    int PodsReady,
    int PodsTotal,
    DateTimeOffset? LastActivity,
    int Warnings,
    string? LastWarning,
    long Revision,
    DateTimeOffset Now)
{
    public static readonly TimeSpan WarningWindow = TimeSpan.FromMinutes(10);

    /// <summary>Namespaces the control plane's own pods live in, which are not the student's work.</summary>
    private static readonly string[] SystemNamespaces = ["kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Call on the sandbox's loop (actor.RunAsync), where nothing changes while it reads.</summary>
    public static StudentProgress Read(Scenario scenario, SimulatedCluster cluster)
    {
        var tasks = Evaluate(scenario, cluster.Api);
        var pods = cluster.Api.List<Pod>().Where(p => !SystemNamespaces.Contains(p.Metadata.Namespace)).ToList();
        var ready = pods.Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        var since = cluster.Clock.Now - WarningWindow;
        var warnings = cluster.Api.List<Event>()
            .Where(e => e.Type == "Warning" && (e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp) >= since)
            .OrderBy(e => e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp)
            .ToList();
        return new StudentProgress(
            tasks,
            tasks.Count(t => t.Passed),
            ready,
            pods.Count,
            LastWriteByPerson(cluster),
            warnings.Count,
            warnings.LastOrDefault() is { } last ? $"{last.Reason}: {last.Message}" : null,
            cluster.Store.Revision,
            cluster.Clock.Now);
    }

    /// <summary>Every task of <paramref name="scenario"/>, checked against the live objects.</summary>
    public static IReadOnlyList<TaskState> Evaluate(Scenario scenario, ApiServer api) =>
        scenario.Tasks.Select(task =>
        {
            var checks = task.Checks.Select(c => c.Evaluate(api)).ToList();
            return new TaskState(task.Title, checks.All(c => c.Passed), checks);
        }).ToList();

    /// <summary>
    /// The newest write by a person: searched in the history window, and in the live objects' latest writes for what
    /// is older (a delete that left the window is then missed, which only makes the answer a little too old).
    /// </summary>
    private static DateTimeOffset? LastWriteByPerson(SimulatedCluster cluster)
    {
        var store = cluster.Store;
        var history = store.History(store.CompactedRevision);
        for (var i = history.Count - 1; i >= 0; i--)
            if (history[i].Actor == WriteContext.Kubectl.Actor) return history[i].Time;
        return store.All().Where(w => w.Actor == WriteContext.Kubectl.Actor).Select(w => (DateTimeOffset?)w.Time).Max();
    }
}
