using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe job: its spec, start and completion, pod counts, template and events.</summary>
public static class JobDescriber
{
    public static string Describe(Job job, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = job.Status ?? new JobStatus();
        w.Line(0, $"Name:\t{job.Metadata.Name}");
        w.Line(0, $"Namespace:\t{job.Metadata.Namespace}");
        w.Line(0, $"Selector:\t{LabelFormat.Selector(job.Spec.Selector)}");
        w.Labels("Labels", job.Metadata.Labels);
        w.Annotations("Annotations", job.Metadata.Annotations);
        if (PodDescriber.Controller(job) is { } controller) w.Line(0, $"Controlled By:\t{controller}");
        if (job.Spec.Parallelism is { } parallelism) w.Line(0, $"Parallelism:\t{parallelism}");
        w.Line(0, $"Completions:\t{(job.Spec.Completions is { } completions ? completions.ToString() : "<unset>")}");
        if (job.Spec.CompletionMode is { } mode) w.Line(0, $"Completion Mode:\t{mode}");
        if (job.Spec.Suspend is { } suspend) w.Line(0, $"Suspend:\t{(suspend ? "true" : "false")}");
        if (job.Spec.BackoffLimit is { } backoff) w.Line(0, $"Backoff Limit:\t{backoff}");
        if (job.Spec.TtlSecondsAfterFinished is { } ttl) w.Line(0, $"TTL Seconds After Finished:\t{ttl}");
        if (status.StartTime is { } start) w.Line(0, $"Start Time:\t{DescribeWriter.Time(start)}");
        if (status.CompletionTime is { } completed) w.Line(0, $"Completed At:\t{DescribeWriter.Time(completed)}");
        if (status.StartTime is { } s && status.CompletionTime is { } c) w.Line(0, $"Duration:\t{HumanDuration.Format(c - s)}");
        if (job.Spec.ActiveDeadlineSeconds is { } deadline) w.Line(0, $"Active Deadline Seconds:\t{deadline}s");
        var counts = $"{status.Succeeded ?? 0} Succeeded / {status.Failed ?? 0} Failed";
        w.Line(0, status.Ready is { } ready
            ? $"Pods Statuses:\t{status.Active ?? 0} Active ({ready} Ready) / {counts}"
            : $"Pods Statuses:\t{status.Active ?? 0} Active / {counts}");
        PodTemplateSection.Write(w, job.Spec.Template);
        w.Events(events, now);
        return w.ToString();
    }
}
