using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers.Deployments;

/// <summary>The Available and Progressing conditions, with upstream's reasons and rules for when they change.</summary>
internal static class DeploymentConditions
{
    public const string Available = "Available";
    public const string Progressing = "Progressing";
    public const string ReplicaFailure = "ReplicaFailure";

    public const string ReplicaSetUpdatedReason = "ReplicaSetUpdated";
    public const string FailedRSCreateReason = "ReplicaSetCreateError";
    public const string NewReplicaSetReason = "NewReplicaSetCreated";
    public const string FoundNewRSReason = "FoundNewReplicaSet";
    public const string NewRSAvailableReason = "NewReplicaSetAvailable";
    public const string TimedOutReason = "ProgressDeadlineExceeded";
    public const string PausedDeployReason = "DeploymentPaused";
    public const string ResumedDeployReason = "DeploymentResumed";
    public const string MinimumReplicasAvailable = "MinimumReplicasAvailable";
    public const string MinimumReplicasUnavailable = "MinimumReplicasUnavailable";

    public static Condition New(string type, string status, string reason, string message, DateTimeOffset now) =>
        new() { Type = type, Status = status, LastUpdateTime = now, LastTransitionTime = now, Reason = reason, Message = message };

    public static Condition? Get(DeploymentStatus? status, string type) => status?.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Replaces the condition of its type unless status and reason are unchanged; keeps the transition time while status holds.</summary>
    public static void Set(DeploymentStatus status, Condition condition)
    {
        var current = Get(status, condition.Type);
        if (current is not null && current.Status == condition.Status && current.Reason == condition.Reason) return;
        if (current is not null && current.Status == condition.Status) condition.LastTransitionTime = current.LastTransitionTime;
        Remove(status, condition.Type);
        (status.Conditions ??= []).Add(condition);
    }

    public static void Remove(DeploymentStatus status, string type)
    {
        status.Conditions?.RemoveAll(c => c.Type == type);
        if (status.Conditions is { Count: 0 }) status.Conditions = null;
    }

    public static bool HasProgressDeadline(Deployment d) => d.Spec.ProgressDeadlineSeconds is int s && s != int.MaxValue;

    /// <summary>All replicas updated and available, and the newest generation observed.</summary>
    public static bool Complete(Deployment d, DeploymentStatus status) =>
        (status.UpdatedReplicas ?? 0) == RolloutMath.Replicas(d)
        && (status.Replicas ?? 0) == RolloutMath.Replicas(d)
        && (status.AvailableReplicas ?? 0) == RolloutMath.Replicas(d)
        && (status.ObservedGeneration ?? 0) >= (d.Metadata.Generation ?? 0);

    /// <summary>Progress is more updated, ready or available pods, or fewer old ones, than the last recorded status.</summary>
    public static bool MadeProgress(Deployment d, DeploymentStatus status)
    {
        var old = d.Status ?? new DeploymentStatus();
        var oldStatusOldReplicas = (old.Replicas ?? 0) - (old.UpdatedReplicas ?? 0);
        var newStatusOldReplicas = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
        return (status.UpdatedReplicas ?? 0) > (old.UpdatedReplicas ?? 0)
            || newStatusOldReplicas < oldStatusOldReplicas
            || (status.ReadyReplicas ?? 0) > (old.ReadyReplicas ?? 0)
            || (status.AvailableReplicas ?? 0) > (old.AvailableReplicas ?? 0);
    }

    /// <summary>No progress recorded for progressDeadlineSeconds since the Progressing condition was last updated.</summary>
    public static bool TimedOut(Deployment d, DeploymentStatus status, DateTimeOffset now)
    {
        if (!HasProgressDeadline(d)) return false;
        var condition = Get(status, Progressing);
        if (condition is null || condition.Reason == NewRSAvailableReason) return false;
        if (condition.Reason == TimedOutReason) return true;
        return condition.LastUpdateTime is { } from && from.AddSeconds(d.Spec.ProgressDeadlineSeconds!.Value) < now;
    }
}
