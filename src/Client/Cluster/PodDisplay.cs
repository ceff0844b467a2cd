using System.Text.RegularExpressions;
using Playground.Core.Api.Core;

namespace Playground.Client.Cluster;

/// <summary>How a pod's state reads at a glance; the category picks colour and icon, the text is always shown too.</summary>
public enum PodCategory { Pending, Creating, Running, Succeeded, Failed, Terminating }

/// <summary>A pod's STATUS as kubectl get pods prints it, plus READY and RESTARTS.</summary>
public sealed partial record PodDisplay(string Status, PodCategory Category, int ReadyContainers, int TotalContainers, int Restarts)
{
    public string Ready => $"{ReadyContainers}/{TotalContainers}";

    /// <summary>Follows the order of kubectl's printPod: phase or reason, then init containers, then containers, then deletion.</summary>
    public static PodDisplay Of(Pod pod)
    {
        var status = pod.Status;
        var phase = status?.Phase ?? "Pending";
        var reason = string.IsNullOrEmpty(status?.Reason) ? phase : status.Reason;
        var restarts = 0;
        var initializing = false;

        var initStatuses = status?.InitContainerStatuses ?? [];
        var initCount = pod.Spec.InitContainers?.Count ?? initStatuses.Count;
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var state = initStatuses[i].State;
            restarts += initStatuses[i].RestartCount;
            if (state?.Terminated is { ExitCode: 0 }) continue;
            initializing = true;
            reason = state switch
            {
                { Terminated: { } t } => "Init:" + (t.Reason ?? (t.Signal is int s and not 0 ? $"Signal:{s}" : $"ExitCode:{t.ExitCode}")),
                { Waiting.Reason: { Length: > 0 } w } when w != "PodInitializing" => "Init:" + w,
                _ => $"Init:{i}/{initCount}",
            };
            break;
        }

        var ready = 0;
        var containers = status?.ContainerStatuses ?? [];
        if (!initializing || HasTrueCondition(pod, "Initialized"))
        {
            restarts = 0;
            var hasRunning = false;
            for (var i = containers.Count - 1; i >= 0; i--)
            {
                var c = containers[i];
                restarts += c.RestartCount;
                if (c.State?.Waiting?.Reason is { Length: > 0 } waiting) reason = waiting;
                else if (c.State?.Terminated is { } t)
                    reason = !string.IsNullOrEmpty(t.Reason) ? t.Reason : t.Signal is int s and not 0 ? $"Signal:{s}" : $"ExitCode:{t.ExitCode}";
                else if (c.Ready && c.State?.Running is not null) { hasRunning = true; ready++; }
            }
            // A pod whose finished container says Completed still runs while another container is up.
            if (reason == "Completed" && hasRunning) reason = HasTrueCondition(pod, "Ready") ? "Running" : "NotReady";
        }

        if (pod.Metadata.DeletionTimestamp is not null)
            reason = status?.Reason == "NodeLost" ? "Unknown" : phase is "Succeeded" or "Failed" ? reason : "Terminating";

        return new PodDisplay(reason, Categorize(reason), ready, pod.Spec.Containers.Count, restarts);
    }

    private static bool HasTrueCondition(Pod pod, string type) =>
        pod.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static PodCategory Categorize(string status) => status switch
    {
        "Running" => PodCategory.Running,
        "Terminating" => PodCategory.Terminating,
        "Completed" or "Succeeded" => PodCategory.Succeeded,
        "Pending" or "SchedulingGated" or "NotReady" => PodCategory.Pending,
        "ContainerCreating" or "PodInitializing" => PodCategory.Creating,
        _ when InitProgress().IsMatch(status) => PodCategory.Creating,
        _ => PodCategory.Failed,
    };

    /// <summary>"Init:1/2": init containers still working through their list, not failing.</summary>
    [GeneratedRegex(@"^Init:\d+/\d+$")]
    private static partial Regex InitProgress();
}
