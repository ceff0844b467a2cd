using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>kubectl get pods: READY, the STATUS that kubectl derives from container states, RESTARTS and AGE.</summary>
public sealed class PodTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Ready"), new("Status"), new("Restarts"), new("Age"),
        new("IP", 1), new("Node", 1), new("Nominated Node", 1), new("Readiness Gates", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var pod = (Pod)obj;
        var summary = Summarize(pod);
        var restarts = summary.Restarts != 0 && summary.LastRestart is { } last
            ? $"{summary.Restarts} ({HumanDuration.Since(last, now)} ago)"
            : summary.Restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            pod.Metadata.Name ?? "",
            $"{summary.Ready}/{summary.Total}",
            summary.Status,
            restarts,
            HumanDuration.Since(pod.Metadata.CreationTimestamp, now),
            pod.Status?.PodIPs is [var ip, ..] && ip.Ip.Length > 0 ? ip.Ip : "<none>",
            string.IsNullOrEmpty(pod.Spec.NodeName) ? "<none>" : pod.Spec.NodeName,
            string.IsNullOrEmpty(pod.Status?.NominatedNodeName) ? "<none>" : pod.Status.NominatedNodeName,
            "<none>",
        ];
    }

    public sealed record PodSummary(int Ready, int Total, string Status, int Restarts, DateTimeOffset? LastRestart);

    /// <summary>The STATUS column's reasoning, in upstream printPod's order: phase, init containers, containers (last wins), deletion.</summary>
    public static PodSummary Summarize(Pod pod)
    {
        var status = pod.Status ?? new PodStatus();
        var restarts = 0;
        var sidecarRestarts = 0;
        var total = pod.Spec.Containers.Count;
        var ready = 0;
        DateTimeOffset? lastRestart = null;
        DateTimeOffset? lastSidecarRestart = null;

        var reason = status.Reason is { Length: > 0 } r ? r : status.Phase ?? "";
        if (status.Conditions?.Any(c => c.Type == "PodScheduled" && c.Reason == "SchedulingGated") == true)
            reason = "SchedulingGated";

        var initContainers = pod.Spec.InitContainers ?? [];
        var sidecars = initContainers.Where(c => c.RestartPolicy == "Always").Select(c => c.Name).ToHashSet();
        total += sidecars.Count;

        var initializing = false;
        var initStatuses = status.InitContainerStatuses ?? [];
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i];
            var isSidecar = sidecars.Contains(container.Name);
            restarts += container.RestartCount;
            Later(ref lastRestart, container.LastState?.Terminated?.FinishedAt);
            if (isSidecar)
            {
                sidecarRestarts += container.RestartCount;
                Later(ref lastSidecarRestart, container.LastState?.Terminated?.FinishedAt);
            }
            var state = container.State;
            if (state?.Terminated is { ExitCode: 0 }) continue;
            if (isSidecar && container.Started == true)
            {
                if (container.Ready) ready++;
                continue;
            }
            if (state?.Terminated is { } terminated)
                reason = terminated.Reason is { Length: > 0 } tr ? "Init:" + tr
                    : terminated.Signal is { } signal and not 0 ? $"Init:Signal:{signal}" : $"Init:ExitCode:{terminated.ExitCode}";
            else if (state?.Waiting?.Reason is { Length: > 0 } waiting && waiting != "PodInitializing")
                reason = "Init:" + waiting;
            else
                reason = $"Init:{i}/{initContainers.Count}";
            initializing = true;
            break;
        }

        if (!initializing || HasCondition(status, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            var hasRunning = false;
            var statuses = status.ContainerStatuses ?? [];
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += container.RestartCount;
                Later(ref lastRestart, container.LastState?.Terminated?.FinishedAt);
                var state = container.State;
                if (state?.Waiting?.Reason is { Length: > 0 } waiting)
                    reason = waiting;
                else if (state?.Terminated is { } terminated)
                    reason = terminated.Reason is { Length: > 0 } tr ? tr
                        : terminated.Signal is { } signal and not 0 ? $"Signal:{signal}" : $"ExitCode:{terminated.ExitCode}";
                else if (container.Ready && state?.Running is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }
            // A pod whose last container completed while another still runs is Running (or NotReady), not Completed.
            if (reason == "Completed" && hasRunning)
                reason = HasCondition(status, "Ready") ? "Running" : "NotReady";
        }

        if (pod.Metadata.DeletionTimestamp is not null && status.Reason == "NodeLost")
            reason = "Unknown";
        else if (pod.Metadata.DeletionTimestamp is not null && status.Phase is not ("Succeeded" or "Failed"))
            reason = "Terminating";

        return new PodSummary(ready, total, reason, restarts, lastRestart);
    }

    private static bool HasCondition(PodStatus status, string type) =>
        status.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static void Later(ref DateTimeOffset? latest, DateTimeOffset? candidate)
    {
        if (candidate is { } c && (latest is null || c > latest)) latest = c;
    }
}
