using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubelet;

/// <summary>
/// Derives a pod's phase and conditions from its containers' statuses, as the kubelet's generateAPIPodStatus does:
/// the stages change containers, this keeps the rest of the status consistent with them.
/// </summary>
public static class PodStatusGenerator
{
    private static readonly string[] ConditionOrder = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];

    public static void Refresh(Pod pod, DateTimeOffset now)
    {
        var status = pod.Status ??= new PodStatus();
        var init = (pod.Spec.InitContainers ?? []).Select(c => (c.Name, Status: status.InitContainerStatuses?.FirstOrDefault(s => s.Name == c.Name))).ToList();
        var main = pod.Spec.Containers.Select(c => (c.Name, Status: status.ContainerStatuses?.FirstOrDefault(s => s.Name == c.Name))).ToList();
        var terminal = pod.Metadata.DeletionTimestamp is not null;

        var incomplete = init.Where(c => c.Status?.State?.Terminated?.ExitCode != 0).Select(c => c.Name).ToList();
        status.Phase = Phase(pod.Spec, init.Select(c => c.Status), main.Select(c => c.Status).ToList(), incomplete.Count == 0, terminal);
        var completed = status.Phase == "Succeeded";
        var unready = main.Where(c => c.Status?.Ready != true).Select(c => c.Name).ToList();

        var conditions = new Dictionary<string, Condition>();
        foreach (var kept in status.Conditions ?? []) conditions[kept.Type] = kept;
        Set(conditions, now, "Initialized", incomplete.Count == 0, completed ? "PodCompleted" : incomplete.Count == 0 ? null : "ContainersNotInitialized",
            incomplete.Count == 0 ? null : $"containers with incomplete status: [{string.Join(' ', incomplete)}]");
        var notReadyReason = completed ? "PodCompleted" : "ContainersNotReady";
        var notReadyMessage = completed ? null : $"containers with unready status: [{string.Join(' ', unready)}]";
        Set(conditions, now, "Ready", unready.Count == 0 && !completed, unready.Count == 0 && !completed ? null : notReadyReason, unready.Count == 0 && !completed ? null : notReadyMessage);
        Set(conditions, now, "ContainersReady", unready.Count == 0 && !completed, unready.Count == 0 && !completed ? null : notReadyReason, unready.Count == 0 && !completed ? null : notReadyMessage);
        status.Conditions = ConditionOrder.Where(conditions.ContainsKey).Select(t => conditions[t])
            .Concat(conditions.Values.Where(c => !ConditionOrder.Contains(c.Type))).ToList();
    }

    /// <summary>Sets a condition, keeping its transition time when its status does not change.</summary>
    public static void Set(Dictionary<string, Condition> conditions, DateTimeOffset now, string type, bool value, string? reason, string? message)
    {
        var text = value ? "True" : "False";
        var old = conditions.GetValueOrDefault(type);
        conditions[type] = new Condition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = message,
            LastTransitionTime = old?.Status == text ? old.LastTransitionTime : now,
        };
    }

    /// <summary>Upstream's getPhase: waiting containers keep a pod Pending; a deleted pod ends Succeeded or Failed.</summary>
    private static string Phase(PodSpec spec, IEnumerable<ContainerStatus?> init, IReadOnlyList<ContainerStatus?> main, bool initialized, bool terminal)
    {
        var policy = spec.RestartPolicy ?? "Always";
        if (!initialized)
        {
            var failed = init.Any(s => s?.State?.Terminated is { ExitCode: not 0 });
            return failed && (policy == "Never" || terminal) ? "Failed" : "Pending";
        }
        int running = 0, waiting = 0, stopped = 0, succeeded = 0;
        foreach (var status in main)
        {
            if (status?.State?.Running is not null) running++;
            else if (status?.State?.Terminated is { } terminated)
            {
                stopped++;
                if (terminated.ExitCode == 0) succeeded++;
            }
            else if (status?.State?.Waiting is not null && status.LastState?.Terminated is not null) stopped++;
            else waiting++;
        }
        if (waiting > 0) return "Pending";
        if (running > 0) return "Running";
        if (stopped == 0) return "Pending";
        if (terminal) return stopped == succeeded ? "Succeeded" : "Failed";
        if (policy == "Always") return "Running";
        if (stopped == succeeded) return "Succeeded";
        return policy == "Never" ? "Failed" : "Running";
    }
}
