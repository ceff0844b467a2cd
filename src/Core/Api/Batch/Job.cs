using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Batch;

public sealed class Job : KubeObject
{
    public Job() { ApiVersion = "batch/v1"; Kind = "Job"; }
    public JobSpec Spec { get; set; } = new();
    public JobStatus? Status { get; set; }
}

public sealed class JobSpec
{
    public int? Parallelism { get; set; }
    public int? Completions { get; set; }
    public long? ActiveDeadlineSeconds { get; set; }
    public JsonObject? PodFailurePolicy { get; set; }
    public JsonObject? SuccessPolicy { get; set; }
    public int? BackoffLimit { get; set; }
    public int? BackoffLimitPerIndex { get; set; }
    public int? MaxFailedIndexes { get; set; }
    public LabelSelector? Selector { get; set; }
    public bool? ManualSelector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
    public int? TtlSecondsAfterFinished { get; set; }
    public string? CompletionMode { get; set; }
    public bool? Suspend { get; set; }
    public string? PodReplacementPolicy { get; set; }
    public string? ManagedBy { get; set; }
}

public sealed class JobStatus
{
    public List<Condition>? Conditions { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? CompletionTime { get; set; }
    public int? Active { get; set; }
    public int? Succeeded { get; set; }
    public int? Failed { get; set; }
    public int? Terminating { get; set; }
    public string? CompletedIndexes { get; set; }
    public string? FailedIndexes { get; set; }
    public UncountedTerminatedPods? UncountedTerminatedPods { get; set; }
    public int? Ready { get; set; }
}

public sealed class UncountedTerminatedPods
{
    public List<string>? Succeeded { get; set; }
    public List<string>? Failed { get; set; }
}

public sealed class JobTemplateSpec
{
    public ObjectMeta? Metadata { get; set; }
    public JobSpec Spec { get; set; } = new();
}
