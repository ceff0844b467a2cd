using Playground.Core.Api.Apps;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using static Playground.Core.Controllers.Deployments.DeploymentConditions;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Upstream's progress.go: the Progressing condition during a rollout, and the deadline check when it stalls.</summary>
public sealed partial class DeploymentController
{
    private void SyncRolloutStatus(List<ReplicaSet?> all, ReplicaSet? newRs, Deployment d, WriteContext context)
    {
        var status = CalculateStatus(all, newRs, d);
        if (!HasProgressDeadline(d)) Remove(status, Progressing);

        var current = Get(d.Status, Progressing);
        var complete = status.Replicas == status.UpdatedReplicas && current?.Reason == NewRSAvailableReason;
        if (HasProgressDeadline(d) && !complete) UpdateProgressing(d, status, newRs, current);

        var failure = ReplicaFailures(all, newRs).FirstOrDefault();
        if (failure is not null) Set(status, failure);
        else Remove(status, ReplicaFailure);

        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(d.Status))
        {
            RequeueStuckDeployment(d, status, context);
            return;
        }
        d.Status = status;
        WriteStatus(d, context);
    }

    private void UpdateProgressing(Deployment d, DeploymentStatus status, ReplicaSet? newRs, Api.Meta.Condition? current)
    {
        var subject = newRs is null ? $"Deployment \"{d.Metadata.Name}\"" : $"ReplicaSet \"{newRs.Metadata.Name}\"";
        if (Complete(d, status))
        {
            Set(status, New(Progressing, "True", NewRSAvailableReason, $"{subject} has successfully progressed.", Now));
        }
        else if (MadeProgress(d, status))
        {
            // Unlike other conditions, progress refreshes lastUpdateTime even when the reason stays the same.
            var condition = New(Progressing, "True", ReplicaSetUpdatedReason, $"{subject} is progressing.", Now);
            if (current is not null)
            {
                if (current.Status == "True") condition.LastTransitionTime = current.LastTransitionTime;
                Remove(status, Progressing);
            }
            Set(status, condition);
        }
        else if (TimedOut(d, status, Now))
        {
            Set(status, New(Progressing, "False", TimedOutReason, $"{subject} has timed out progressing.", Now));
        }
    }

    /// <summary>ReplicaFailure conditions of the new ReplicaSet, else of any other, as deployment conditions.</summary>
    private static List<Api.Meta.Condition> ReplicaFailures(List<ReplicaSet?> all, ReplicaSet? newRs)
    {
        Api.Meta.Condition Convert(Api.Meta.Condition c) => new()
        {
            Type = c.Type,
            Status = c.Status,
            LastTransitionTime = c.LastTransitionTime,
            LastUpdateTime = c.LastTransitionTime,
            Reason = c.Reason,
            Message = c.Message,
        };
        var ofNew = newRs?.Status?.Conditions?.Where(c => c.Type == ReplicaFailure).Select(Convert).ToList() ?? [];
        if (ofNew.Count > 0) return ofNew;
        return [.. all.OfType<ReplicaSet>().SelectMany(rs => rs.Status?.Conditions ?? []).Where(c => c.Type == ReplicaFailure).Select(Convert)];
    }

    /// <summary>Each stalled deployment's pending deadline check; one that completes drops it, so "until idle" does not wait for it.</summary>
    private readonly Dictionary<string, IDisposable> _deadlineChecks = [];

    /// <summary>A stalled rollout gets no more events, so sync again just after its progress deadline passes.</summary>
    private void RequeueStuckDeployment(Deployment d, DeploymentStatus status, WriteContext context)
    {
        var key = Informer<Deployment>.KeyOf(d);
        if (_deadlineChecks.Remove(key, out var pending)) pending.Dispose();
        var current = Get(d.Status, Progressing);
        if (!HasProgressDeadline(d) || current?.LastUpdateTime is not { } lastUpdate) return;
        if (Complete(d, status) || current.Reason == TimedOutReason) return;
        var after = lastUpdate.AddSeconds(d.Spec.ProgressDeadlineSeconds!.Value) - _clock.Now;
        _deadlineChecks[key] = _queue.AddAfter(key, (after < TimeSpan.Zero ? TimeSpan.Zero : after) + TimeSpan.FromSeconds(1), context.Cause);
    }
}
