using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Jobs;

/// <summary>
/// Upstream's job controller (NonIndexed completion mode): runs up to parallelism pods until completions of them
/// succeed, replaces failed ones after a back-off, fails the job past backoffLimit or activeDeadlineSeconds, and
/// counts every finished pod exactly once by removing its batch.kubernetes.io/job-tracking finalizer.
/// </summary>
public sealed class JobController : IComponent
{
    public const string Actor = "job-controller";
    public const string TrackingFinalizer = "batch.kubernetes.io/job-tracking";

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<Job> _jobs;
    private readonly Informer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly ControllerQueue _orphans;
    private readonly Dictionary<string, PodBackoff> _backoff = [];

    public JobController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _jobs = services.Informers.For<Job>();
        _pods = services.Informers.For<Pod>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
        _orphans = new ControllerQueue(services.Loop, ReleaseOrphan);
    }

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_jobs);
        _pods.OnChange(OnPodChange);
    }

    private void OnPodChange(Pod? old, Pod? current, long? cause)
    {
        ControllerRefs.EnqueueControllers(_jobs, _queue, old, current, cause, j => j.Spec.Selector);
        // A tracked pod whose job is gone would keep its finalizer forever: upstream releases such orphans.
        if (current is not null && HasFinalizer(current) && ControllerRefs.ControllerOf(current) is { Kind: "Job" } owner
            && ControllerRefs.Resolve(_jobs, current.Metadata.Namespace, owner) is null)
            _orphans.Add(Informer<Pod>.KeyOf(current), cause);
    }

    private void ReleaseOrphan(string key, long? cause)
    {
        if (_pods.Get(key) is not { } pod || !HasFinalizer(pod)) return;
        if (ControllerRefs.Resolve(_jobs, pod.Metadata.Namespace, ControllerRefs.ControllerOf(pod)) is not null) return;
        RemoveFinalizer(pod, new WriteContext(Actor, cause));
    }

    private void Sync(string key, long? cause)
    {
        if (_jobs.Get(key) is not { } job)
        {
            _backoff.Remove(key);
            return;
        }
        var context = new WriteContext(Actor, cause);
        var candidates = _pods.List(job.Metadata.Namespace).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal);
        var pods = new ControllerRefManager<Pod>(_api, job, p => LabelSelectors.Matches(job.Spec.Selector, p.Metadata.Labels), context)
            .Claim(candidates);

        if (JobConditions.IsFinished(job) || job.Metadata.DeletionTimestamp is not null)
        {
            foreach (var pod in pods.Where(HasFinalizer)) RemoveFinalizer(pod, context);
            return;
        }

        var now = _clock.Now;
        var status = KubeJson.Clone(job).Status ?? new JobStatus();
        var conditions = status.Conditions ??= [];
        TrackSuspension(job, status, now, context);
        status.StartTime ??= job.Spec.Suspend == true ? null : now;

        // Count what finished since the last sync, then let go of those pods.
        var finished = pods.Where(p => HasFinalizer(p) && (IsTerminal(p) || p.Metadata.DeletionTimestamp is not null)).ToList();
        var newSucceeded = finished.Count(p => p.Status?.Phase == "Succeeded");
        var newFailed = finished.Count - newSucceeded;
        Backoff(key).Record(finished.Select(p => (p.Status?.Phase == "Succeeded", FinishedAt(p, now))));
        foreach (var pod in finished) RemoveFinalizer(pod, context);
        status.Succeeded = NullIfZero((status.Succeeded ?? 0) + newSucceeded);
        if (job.Spec.CompletionMode == "Indexed")
        {
            // An index counts once, however many of its pods succeed.
            var completedIndexes = CompletionIndexes.Parse(status.CompletedIndexes);
            foreach (var pod in finished.Where(p => p.Status?.Phase == "Succeeded"))
                if (CompletionIndexes.Of(pod) is { } index && index < (job.Spec.Completions ?? 0)) completedIndexes.Add(index);
            status.CompletedIndexes = CompletionIndexes.Format(completedIndexes);
            status.Succeeded = NullIfZero(completedIndexes.Count);
        }
        status.Failed = NullIfZero((status.Failed ?? 0) + newFailed);

        var active = pods.Where(PodReadiness.IsActive).ToList();
        var succeeded = status.Succeeded ?? 0;
        var target = conditions.FirstOrDefault(c => c.Type is "FailureTarget" or "SuccessCriteriaMet" && c.Status == "True");
        if (target is null)
        {
            if (FailureReason(job, status, active, now) is { } failure)
            {
                target = JobConditions.New("FailureTarget", failure.Reason, failure.Message, now);
                conditions.Add(target);
            }
            else if (job.Spec.Completions is { } completions ? succeeded >= completions : succeeded > 0 && active.Count == 0)
            {
                target = JobConditions.New("SuccessCriteriaMet", JobConditions.CompletionsReached, JobConditions.CompletionsMessage, now);
                conditions.Add(target);
            }
        }

        var stopped = 0;
        if (target is not null || job.Spec.Suspend == true)
        {
            // A job that reached its target (or is suspended) stops every pod it still runs; the final condition waits until they are gone.
            stopped = DeletePods(job, active, context);
            active = [];
        }
        else
        {
            active = ManagePods(job, key, active, succeeded, context, cause, ref stopped);
            RequeueForDeadline(job, status, now, key, cause);
        }

        var terminating = pods.Count(p => p.Metadata.DeletionTimestamp is not null && !IsTerminal(p)) + stopped;
        if (target is not null && terminating == 0) Finish(job, status, target, now, context);

        status.Active = NullIfZero(active.Count);
        status.Ready = active.Count(PodReadiness.IsReady);
        status.Terminating = terminating;
        status.UncountedTerminatedPods ??= new UncountedTerminatedPods();
        if (conditions.Count == 0) status.Conditions = null;
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(job.Status)) return;
        var copy = KubeJson.Clone(job);
        copy.Status = status;
        _api.UpdateStatus(copy, context);
    }

    private void Finish(Job job, JobStatus status, Condition target, DateTimeOffset now, WriteContext context)
    {
        if (target.Type == "SuccessCriteriaMet")
        {
            status.Conditions!.Add(JobConditions.New("Complete", target.Reason!, target.Message!, now));
            status.CompletionTime = now;
            _events.Normal(job, "Completed", "Job completed", context);
        }
        else
        {
            status.Conditions!.Add(JobConditions.New("Failed", target.Reason!, target.Message!, now));
            _events.Warning(job, target.Reason!, target.Message!, context);
        }
    }

    /// <summary>Upstream's Suspended condition: True while spec.suspend is set; on resume False with the start time reset (so activeDeadlineSeconds counts afresh).</summary>
    private void TrackSuspension(Job job, JobStatus status, DateTimeOffset now, WriteContext context)
    {
        var conditions = status.Conditions!;
        var suspended = conditions.FirstOrDefault(c => c.Type == "Suspended");
        if (job.Spec.Suspend == true && suspended?.Status != "True" && conditions.All(c => c.Type is not ("FailureTarget" or "SuccessCriteriaMet")))
        {
            conditions.Remove(suspended!);
            conditions.Add(JobConditions.New("Suspended", "JobSuspended", "Job suspended", now));
            _events.Normal(job, "Suspended", "Job suspended", context);
        }
        else if (job.Spec.Suspend != true && suspended?.Status == "True")
        {
            (suspended.Status, suspended.Reason, suspended.Message, suspended.LastProbeTime, suspended.LastTransitionTime) = ("False", "JobResumed", "Job resumed", now, now);
            status.StartTime = now;
            _events.Normal(job, "Resumed", "Job resumed", context);
        }
    }

    /// <summary>Past backoffLimit (failed pods, or container restarts under OnFailure) or past activeDeadlineSeconds.</summary>
    private static (string Reason, string Message)? FailureReason(Job job, JobStatus status, List<Pod> active, DateTimeOffset now)
    {
        var limit = job.Spec.BackoffLimit ?? 6;
        var restarts = job.Spec.Template.Spec.RestartPolicy == "OnFailure"
            ? active.Sum(p => (p.Status?.ContainerStatuses ?? []).Sum(c => c.RestartCount) + (p.Status?.InitContainerStatuses ?? []).Sum(c => c.RestartCount))
            : 0;
        if ((status.Failed ?? 0) > limit || (limit == 0 ? restarts > 0 : restarts >= limit && restarts > 0))
            return (JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitMessage);
        if (job.Spec.Suspend != true && job.Spec.ActiveDeadlineSeconds is { } deadline && status.StartTime is { } start && now - start >= TimeSpan.FromSeconds(deadline))
            return (JobConditions.DeadlineExceeded, JobConditions.DeadlineMessage);
        return null;
    }

    private void RequeueForDeadline(Job job, JobStatus status, DateTimeOffset now, string key, long? cause)
    {
        if (job.Spec.ActiveDeadlineSeconds is { } deadline && status.StartTime is { } start)
            _queue.AddAfter(key, start.AddSeconds(deadline) - now, cause);
    }

    /// <summary>Creates pods up to the wanted number (after the failure back-off) or deletes the surplus; returns the pods left active.</summary>
    private List<Pod> ManagePods(Job job, string key, List<Pod> active, int succeeded, WriteContext context, long? cause, ref int stopped)
    {
        var parallelism = job.Spec.Parallelism ?? 1;
        var wanted = job.Spec.Completions is { } completions
            ? Math.Max(0, Math.Min(parallelism, completions - succeeded))
            : succeeded > 0 ? Math.Min(active.Count, parallelism) : parallelism; // a work-queue job lets running pods finish once one succeeded
        if (active.Count > wanted)
        {
            var surplus = active.OrderBy(p => PodReadiness.IsReady(p)).ThenByDescending(p => p.Metadata.CreationTimestamp).Take(active.Count - wanted).ToList();
            stopped = DeletePods(job, surplus, context);
            return active.Except(surplus).ToList();
        }
        if (active.Count == wanted) return active;
        var remaining = Backoff(key).Remaining(_clock.Now);
        if (remaining > TimeSpan.Zero)
        {
            _queue.AddAfter(key, remaining, cause);
            return active;
        }
        var created = new List<Pod>(active);
        var count = wanted - active.Count;
        var indexes = job.Spec.CompletionMode == "Indexed"
            ? new Queue<int?>(CompletionIndexes.Pending(active, CompletionIndexes.Parse(job.Status?.CompletedIndexes), job.Spec.Completions ?? 0, count).Select(i => (int?)i))
            : null;
        if (indexes is not null) count = indexes.Count;
        // Upstream's slow start: batches of 1, 2, 4, … so a failing create stops early.
        for (var batch = 1; count > 0; batch *= 2)
        {
            var size = Math.Min(batch, count);
            for (var i = 0; i < size; i++)
            {
                try
                {
                    var pod = _api.Create(PodFromTemplate(job, indexes?.Dequeue()), context);
                    _events.Normal(job, "SuccessfulCreate", $"Created pod: {pod.Metadata.Name}", context);
                    created.Add(pod);
                }
                catch (ApiException e)
                {
                    _events.Warning(job, "FailedCreate", $"Error creating: {e.Message}", context);
                    throw;
                }
            }
            count -= size;
        }
        return created;
    }

    /// <summary>Deletes the pods; returns how many are now terminating (held by their tracking finalizer until counted).</summary>
    private int DeletePods(Job job, IEnumerable<Pod> pods, WriteContext context)
    {
        var deleted = 0;
        foreach (var pod in pods)
        {
            try
            {
                _api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, context);
                _events.Normal(job, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", context);
                deleted++;
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone.
            }
        }
        return deleted;
    }

    /// <summary>A pod of the job; an indexed one is named, labelled, annotated and hostnamed after its index and told it in JOB_COMPLETION_INDEX.</summary>
    private static Pod PodFromTemplate(Job job, int? index)
    {
        var meta = job.Spec.Template.Metadata ?? new ObjectMeta();
        var pod = new Pod
        {
            Metadata = new ObjectMeta
            {
                Namespace = job.Metadata.Namespace,
                GenerateName = index is { } i ? $"{job.Metadata.Name}-{i}-" : job.Metadata.Name + "-",
                Labels = meta.Labels is null ? null : new(meta.Labels),
                Annotations = meta.Annotations is null ? null : new(meta.Annotations),
                Finalizers = [.. meta.Finalizers ?? [], TrackingFinalizer],
                OwnerReferences = [ControllerRefs.For(job)],
            },
            Spec = KubeJson.Deserialize<PodSpec>(KubeJson.SerializeValue(job.Spec.Template.Spec)),
        };
        if (index is not { } n) return pod;
        var text = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (pod.Metadata.Annotations ??= [])[CompletionIndexes.Key] = text;
        (pod.Metadata.Labels ??= [])[CompletionIndexes.Key] = text;
        pod.Spec.Hostname ??= $"{job.Metadata.Name}-{n}";
        foreach (var container in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []))
        {
            if (container.Env?.Any(e => e.Name == "JOB_COMPLETION_INDEX") == true) continue;
            (container.Env ??= []).Add(new EnvVar
            {
                Name = "JOB_COMPLETION_INDEX",
                ValueFrom = new System.Text.Json.Nodes.JsonObject
                {
                    ["fieldRef"] = new System.Text.Json.Nodes.JsonObject { ["fieldPath"] = $"metadata.labels['{CompletionIndexes.Key}']" },
                },
            });
        }
        return pod;
    }

    private void RemoveFinalizer(Pod pod, WriteContext context)
    {
        var copy = KubeJson.Clone(pod);
        copy.Metadata.Finalizers?.Remove(TrackingFinalizer);
        if (copy.Metadata.Finalizers is { Count: 0 }) copy.Metadata.Finalizers = null;
        try
        {
            _api.Update(copy, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private PodBackoff Backoff(string key) => _backoff.TryGetValue(key, out var record) ? record : _backoff[key] = new PodBackoff();

    private static bool HasFinalizer(Pod pod) => pod.Metadata.Finalizers?.Contains(TrackingFinalizer) == true;

    private static bool IsTerminal(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>When the pod's last container stopped; a pod deleted before it ran counts from now.</summary>
    private static DateTimeOffset FinishedAt(Pod pod, DateTimeOffset now) =>
        (pod.Status?.ContainerStatuses ?? []).Select(c => c.State?.Terminated?.FinishedAt).Where(t => t is not null).Max() ?? now;

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
