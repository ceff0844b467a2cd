using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers;

/// <summary>Upstream's podutil readiness checks: Ready is the pod's Ready condition; available is ready for minReadySeconds.</summary>
public static class PodReadiness
{
    public static Condition? ReadyCondition(Pod pod)
    {
        // A plain loop: controllers ask this of every pod they own on every sync.
        if (pod.Status?.Conditions is not { } conditions) return null;
        foreach (var condition in conditions)
            if (condition.Type == "Ready") return condition;
        return null;
    }

    public static bool IsReady(Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>When the pod became ready, or null when it is not ready.</summary>
    public static DateTimeOffset? ReadySince(Pod pod) => ReadyCondition(pod) is { Status: "True" } ready ? ready.LastTransitionTime : null;

    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        if (ReadyCondition(pod) is not { Status: "True" } ready) return false;
        if (minReadySeconds == 0) return true;
        return ready.LastTransitionTime is { } since && since.AddSeconds(minReadySeconds) < now;
    }

    /// <summary>Counts towards a controller's replicas: not finished and not being deleted.</summary>
    public static bool IsActive(Pod pod) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed") && pod.Metadata.DeletionTimestamp is null;
}
