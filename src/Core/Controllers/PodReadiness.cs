using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers;

/// <summary>Upstream's podutil readiness checks: Ready is the pod's Ready condition; available is ready for minReadySeconds.</summary>
public static class PodReadiness
{
    public static Condition? ReadyCondition(Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    public static bool IsReady(Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>When the pod became ready, or null when it is not ready.</summary>
    public static DateTimeOffset? ReadySince(Pod pod) => IsReady(pod) ? ReadyCondition(pod)!.LastTransitionTime : null;

    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        if (!IsReady(pod)) return false;
        if (minReadySeconds == 0) return true;
        return ReadySince(pod) is { } since && since.AddSeconds(minReadySeconds) < now;
    }

    /// <summary>Counts towards a controller's replicas: not finished and not being deleted.</summary>
    public static bool IsActive(Pod pod) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed") && pod.Metadata.DeletionTimestamp is null;
}
