using Playground.Core.Api.Batch;
using Playground.Core.Controllers.CronJobs;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's cronjob strategy: defaults, a schedule the cron parser accepts, a valid time zone and job template.</summary>
public sealed class CronJobRules : ResourceStrategy<CronJob>
{
    protected override bool HasGeneration => true;

    protected override void Default(CronJob cronJob, StrategyContext context)
    {
        var spec = cronJob.Spec;
        spec.ConcurrencyPolicy ??= "Allow";
        spec.Suspend ??= false;
        spec.SuccessfulJobsHistoryLimit ??= 3;
        spec.FailedJobsHistoryLimit ??= 1;
        JobRules.Defaults(spec.JobTemplate.Spec);
    }

    protected override Func<string, string?> NameRule => name =>
        Validation.Names.Subdomain(name) ?? (name.Length > 52 ? "must be no more than 52 characters" : null);

    protected override IEnumerable<FieldError> ValidateObject(CronJob cronJob)
    {
        var spec = cronJob.Spec;
        if (spec.Schedule.Length == 0) yield return FieldError.Required("spec.schedule");
        else if (CronSchedule.TryParse(spec.Schedule, out _) is { } problem)
            yield return FieldError.Invalid("spec.schedule", $"\"{spec.Schedule}\"", problem);
        if (spec.Schedule.Contains("TZ=", StringComparison.Ordinal) || spec.Schedule.Contains("CRON_TZ=", StringComparison.Ordinal))
            yield return FieldError.Invalid("spec.schedule", $"\"{spec.Schedule}\"", "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        if (spec.TimeZone is { } zone && CronSchedule.FindZone(zone) is null)
            yield return FieldError.Invalid("spec.timeZone", $"\"{zone}\"", "unknown time zone " + zone);
        if (spec.ConcurrencyPolicy is { } policy && policy is not ("Allow" or "Forbid" or "Replace"))
            yield return FieldError.NotSupported("spec.concurrencyPolicy", $"\"{policy}\"", ["Allow", "Forbid", "Replace"]);
        foreach (var (value, field) in new[] { (spec.StartingDeadlineSeconds, "startingDeadlineSeconds"), (spec.SuccessfulJobsHistoryLimit, "successfulJobsHistoryLimit"), ((long?)spec.FailedJobsHistoryLimit, "failedJobsHistoryLimit") })
            if (value < 0) yield return FieldError.Invalid($"spec.{field}", value.Value.ToString(), "must be greater than or equal to 0");
        foreach (var error in JobRules.ValidateSpec(spec.JobTemplate.Spec, "spec.jobTemplate.spec", selectorRequired: false)) yield return error;
    }
}
