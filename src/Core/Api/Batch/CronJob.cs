using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Batch;

public sealed class CronJob : KubeObject
{
    public CronJob() { ApiVersion = "batch/v1"; Kind = "CronJob"; }
    public CronJobSpec Spec { get; set; } = new();
    public CronJobStatus? Status { get; set; }
}

public sealed class CronJobSpec
{
    public string Schedule { get; set; } = "";
    public string? TimeZone { get; set; }
    public long? StartingDeadlineSeconds { get; set; }
    public string? ConcurrencyPolicy { get; set; }
    public bool? Suspend { get; set; }
    public JobTemplateSpec JobTemplate { get; set; } = new();
    public int? SuccessfulJobsHistoryLimit { get; set; }
    public int? FailedJobsHistoryLimit { get; set; }
}

public sealed class CronJobStatus
{
    public List<ObjectReference>? Active { get; set; }
    public DateTimeOffset? LastScheduleTime { get; set; }
    public DateTimeOffset? LastSuccessfulTime { get; set; }
}
