using System.Globalization;
using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Controllers.Jobs;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.CronJobs;

/// <summary>
/// Upstream's cronjob controller (v2): at each scheduled time it creates a job named after the time in minutes since
/// the epoch, honouring concurrencyPolicy and startingDeadlineSeconds, tracks its active jobs and deletes finished
/// ones beyond the history limits.
/// </summary>
public sealed class CronJobController : IComponent
{
    public const string Actor = "cronjob-controller";
    public const string ScheduledTimestampAnnotation = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    /// <summary>Upstream gives up on a CronJob that missed more start times than this.</summary>
    private const int MaxMissedTimes = 100;

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly EventLoop _loop;
    private readonly Informer<CronJob> _cronJobs;
    private readonly Informer<Job> _jobs;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly Dictionary<string, IDisposable> _ticks = [];

    public CronJobController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _loop = services.Loop;
        _cronJobs = services.Informers.For<CronJob>();
        _jobs = services.Informers.For<Job>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_cronJobs);
        _jobs.OnChange((old, current, cause) =>
        {
            foreach (var job in new[] { old, current })
                if (job is not null && ControllerRefs.Resolve(_cronJobs, job.Metadata.Namespace, ControllerRefs.ControllerOf(job)) is { } owner)
                    _queue.Add(Informer<CronJob>.KeyOf(owner), cause);
        });
    }

    private void Sync(string key, long? cause)
    {
        if (_cronJobs.Get(key) is not { } cronJob)
        {
            if (_ticks.Remove(key, out var tick)) tick.Dispose();
            return;
        }
        var context = new WriteContext(Actor, cause);
        var status = KubeJson.Clone(cronJob).Status ?? new CronJobStatus();
        var jobs = _jobs.List(cronJob.Metadata.Namespace)
            .Where(j => ControllerRefs.ControllerOf(j)?.Uid == cronJob.Metadata.Uid).ToList();
        TrackActive(cronJob, status, jobs, context);

        if (cronJob.Metadata.DeletionTimestamp is null)
        {
            CleanUpFinished(cronJob, jobs, context);
            if (cronJob.Spec.Suspend != true) Schedule(key, cronJob, status, context);
        }
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(cronJob.Status ?? new CronJobStatus())) return;
        var copy = KubeJson.Clone(cronJob);
        copy.Status = status;
        _api.UpdateStatus(copy, context);
    }

    /// <summary>Drops finished and missing jobs from status.active, noting completions.</summary>
    private void TrackActive(CronJob cronJob, CronJobStatus status, List<Job> jobs, WriteContext context)
    {
        var active = status.Active ?? [];
        foreach (var job in jobs)
        {
            var listed = active.Any(a => a.Uid == job.Metadata.Uid);
            var finished = JobConditions.Find(job, "Complete") ?? JobConditions.Find(job, "Failed");
            if (listed && finished is not null)
            {
                active.RemoveAll(a => a.Uid == job.Metadata.Uid);
                _events.Normal(cronJob, "SawCompletedJob", $"Saw completed job: {job.Metadata.Name}, condition: {finished.Type}", context);
                if (finished.Type == "Complete" && job.Status?.CompletionTime is { } completed
                    && (status.LastSuccessfulTime is null || status.LastSuccessfulTime < completed))
                    status.LastSuccessfulTime = completed;
            }
            else if (!listed && finished is null && job.Metadata.DeletionTimestamp is null)
            {
                _events.Warning(cronJob, "UnexpectedJob", $"Saw a job that the controller did not create or forgot: {job.Metadata.Name}", context);
            }
        }
        foreach (var missing in active.Where(a => jobs.All(j => j.Metadata.Uid != a.Uid)).ToList())
        {
            _events.Normal(cronJob, "MissingJob", $"Active job went missing: {missing.Name}", context);
            active.Remove(missing);
        }
        status.Active = active.Count == 0 ? null : active;
    }

    private void Schedule(string key, CronJob cronJob, CronJobStatus status, WriteContext context)
    {
        var zone = CronSchedule.FindZone(cronJob.Spec.TimeZone);
        if (zone is null)
        {
            _events.Warning(cronJob, "UnknownTimeZone", $"invalid timeZone: \"{cronJob.Spec.TimeZone}\": unknown time zone {cronJob.Spec.TimeZone}", context);
            return;
        }
        if (CronSchedule.TryParse(cronJob.Spec.Schedule, out var schedule) is { } problem)
        {
            _events.Warning(cronJob, "UnparseableSchedule", $"unparseable schedule: \"{cronJob.Spec.Schedule}\" : {problem}", context);
            return;
        }
        var now = _clock.Now;
        var scheduled = MostRecentScheduleTime(cronJob, status, schedule!, zone, now, out var missed);
        if (missed > MaxMissedTimes)
            _events.Warning(cronJob, "TooManyMissedTimes", $"too many missed start times: {missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew", context);

        if (scheduled is { } time && Start(cronJob, status, time, now, context)) status.LastScheduleTime = time;
        if (schedule!.Next(now, zone) is { } next) Tick(key, next - now + TimeSpan.FromMilliseconds(100), cronJob);
    }

    /// <summary>Creates the job for <paramref name="time"/> unless the deadline passed, it exists, or the concurrency policy forbids it.</summary>
    private bool Start(CronJob cronJob, CronJobStatus status, DateTimeOffset time, DateTimeOffset now, WriteContext context)
    {
        if (cronJob.Spec.StartingDeadlineSeconds is { } deadline && time.AddSeconds(deadline) < now)
        {
            _events.Warning(cronJob, "MissSchedule", $"Missed scheduled time to start a job: {time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}", context);
            return false;
        }
        var name = $"{cronJob.Metadata.Name}-{time.ToUnixTimeSeconds() / 60}";
        if (status.Active?.Any(a => a.Name == name) == true) return false;
        if (status.Active is { Count: > 0 } running)
        {
            if (cronJob.Spec.ConcurrencyPolicy == "Forbid")
            {
                _events.Normal(cronJob, "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", context);
                return false;
            }
            if (cronJob.Spec.ConcurrencyPolicy == "Replace")
            {
                foreach (var job in running.ToList())
                {
                    DeleteJob(cronJob, job.Name!, context);
                    running.Remove(job);
                }
                status.Active = null;
            }
        }
        Job created;
        try
        {
            created = _api.Create(JobFromTemplate(cronJob, name, time), context);
        }
        catch (ApiException e) when (e.Code == 409)
        {
            return true;
        }
        catch (ApiException e)
        {
            _events.Warning(cronJob, "FailedCreate", $"Error creating job: {e.Message}", context);
            return false;
        }
        _events.Normal(cronJob, "SuccessfulCreate", $"Created job {created.Metadata.Name}", context);
        (status.Active ??= []).Add(new ObjectReference
        {
            Kind = "Job",
            Namespace = created.Metadata.Namespace,
            Name = created.Metadata.Name,
            Uid = created.Metadata.Uid,
            ApiVersion = "batch/v1",
            ResourceVersion = created.Metadata.ResourceVersion,
        });
        return true;
    }

    /// <summary>
    /// Upstream's mostRecentScheduleTime: the latest activation after the last one handled (or creation, or the
    /// starting deadline) and not after now, with how many were passed over.
    /// </summary>
    private static DateTimeOffset? MostRecentScheduleTime(CronJob cronJob, CronJobStatus status, CronSchedule schedule, TimeZoneInfo zone, DateTimeOffset now, out int missed)
    {
        missed = 0;
        var earliest = status.LastScheduleTime ?? cronJob.Metadata.CreationTimestamp ?? now;
        if (cronJob.Spec.StartingDeadlineSeconds is { } deadline && now.AddSeconds(-deadline) > earliest) earliest = now.AddSeconds(-deadline);
        DateTimeOffset? latest = null;
        for (var t = schedule.Next(earliest, zone); t is { } time && time <= now; t = schedule.Next(time, zone))
        {
            latest = time;
            if (++missed > MaxMissedTimes) break;
        }
        return latest;
    }

    /// <summary>
    /// The wake-up for the next scheduled time is a background timer: a CronJob never stops scheduling, so a
    /// foreground one would keep "until idle" busy forever; time moved on by Advance (or real time) fires it.
    /// </summary>
    private void Tick(string key, TimeSpan delay, CronJob cronJob)
    {
        if (_ticks.Remove(key, out var previous)) previous.Dispose();
        var cause = long.TryParse(cronJob.Metadata.ResourceVersion, out var revision) ? revision : (long?)null;
        _ticks[key] = _loop.After(delay, () => _queue.Add(key, cause), background: true);
    }

    private void CleanUpFinished(CronJob cronJob, List<Job> jobs, WriteContext context)
    {
        void Trim(string type, int? limit)
        {
            if (limit is not { } keep) return;
            var finished = jobs.Where(j => JobConditions.Find(j, type) is not null && j.Metadata.DeletionTimestamp is null)
                .OrderBy(j => j.Status?.StartTime ?? j.Metadata.CreationTimestamp).ToList();
            foreach (var job in finished.Take(Math.Max(0, finished.Count - keep))) DeleteJob(cronJob, job.Metadata.Name!, context);
        }
        Trim("Complete", cronJob.Spec.SuccessfulJobsHistoryLimit);
        Trim("Failed", cronJob.Spec.FailedJobsHistoryLimit);
    }

    private void DeleteJob(CronJob cronJob, string name, WriteContext context)
    {
        try
        {
            _api.Delete<Job>(cronJob.Metadata.Namespace, name, context, new DeleteOptions { PropagationPolicy = "Background" });
            _events.Normal(cronJob, "SuccessfulDelete", $"Deleted job {name}", context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private static Job JobFromTemplate(CronJob cronJob, string name, DateTimeOffset scheduled)
    {
        var template = KubeJson.Clone(cronJob).Spec.JobTemplate;
        var meta = template.Metadata ?? new ObjectMeta();
        var annotations = meta.Annotations ?? [];
        var zone = CronSchedule.FindZone(cronJob.Spec.TimeZone) ?? TimeZoneInfo.Utc;
        annotations[ScheduledTimestampAnnotation] = TimeZoneInfo.ConvertTime(scheduled, zone).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z");
        return new Job
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = cronJob.Metadata.Namespace,
                Labels = meta.Labels,
                Annotations = annotations,
                OwnerReferences = [ControllerRefs.For(cronJob)],
            },
            Spec = template.Spec,
        };
    }
}
