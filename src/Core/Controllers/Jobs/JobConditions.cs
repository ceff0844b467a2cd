using Playground.Core.Api.Batch;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers.Jobs;

/// <summary>The conditions a job controller of 1.32 writes: an interim target (FailureTarget, SuccessCriteriaMet), then the final one once no pod is left running.</summary>
internal static class JobConditions
{
    public const string BackoffLimitExceeded = "BackoffLimitExceeded";
    public const string BackoffLimitMessage = "Job has reached the specified backoff limit";
    public const string DeadlineExceeded = "DeadlineExceeded";
    public const string DeadlineMessage = "Job was active longer than specified deadline";
    public const string CompletionsReached = "CompletionsReached";
    public const string CompletionsMessage = "Reached expected number of succeeded pods";

    public static Condition? Find(Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == "True");

    /// <summary>Complete or Failed: nothing more to do for the job but let go of its pods.</summary>
    public static bool IsFinished(Job job) => Find(job, "Complete") is not null || Find(job, "Failed") is not null;

    /// <summary>When the job finished (for the TTL controller): the final condition's transition time.</summary>
    public static DateTimeOffset? FinishedAt(Job job) =>
        (Find(job, "Complete") ?? Find(job, "Failed"))?.LastTransitionTime;

    public static Condition New(string type, string reason, string message, DateTimeOffset now) => new()
    {
        Type = type,
        Status = "True",
        LastProbeTime = now,
        LastTransitionTime = now,
        Reason = reason,
        Message = message,
    };
}
