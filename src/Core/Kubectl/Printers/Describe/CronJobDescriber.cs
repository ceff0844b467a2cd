using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe cronjob: schedule, policies, the job template, last schedule time and active jobs.</summary>
public static class CronJobDescriber
{
    public static string Describe(CronJob cronJob, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var spec = cronJob.Spec;
        string Unset<T>(T? value, string suffix = "") where T : struct => value is { } v ? $"{v}{suffix}" : "<unset>";
        w.Line(0, $"Name:\t{cronJob.Metadata.Name}");
        w.Line(0, $"Namespace:\t{cronJob.Metadata.Namespace}");
        w.Labels("Labels", cronJob.Metadata.Labels);
        w.Annotations("Annotations", cronJob.Metadata.Annotations);
        w.Line(0, $"Schedule:\t{spec.Schedule}");
        w.Line(0, $"Concurrency Policy:\t{spec.ConcurrencyPolicy}");
        w.Line(0, $"Suspend:\t{(spec.Suspend is { } suspend ? DescribeWriter.Bool(suspend) : "<unset>")}");
        w.Line(0, $"Successful Job History Limit:\t{Unset(spec.SuccessfulJobsHistoryLimit)}");
        w.Line(0, $"Failed Job History Limit:\t{Unset(spec.FailedJobsHistoryLimit)}");
        w.Line(0, $"Starting Deadline Seconds:\t{Unset(spec.StartingDeadlineSeconds, "s")}");
        var template = spec.JobTemplate.Spec;
        w.Line(0, $"Selector:\t{(template.Selector is null ? "<unset>" : LabelFormat.Selector(template.Selector))}");
        w.Line(0, $"Parallelism:\t{Unset(template.Parallelism)}");
        w.Line(0, $"Completions:\t{Unset(template.Completions)}");
        if (template.ActiveDeadlineSeconds is { } deadline) w.Line(0, $"Active Deadline Seconds:\t{deadline}s");
        PodTemplateSection.Write(w, template.Template);
        w.Line(0, $"Last Schedule Time:\t{(cronJob.Status?.LastScheduleTime is { } last ? DescribeWriter.Time(last) : "<unset>")}");
        var active = cronJob.Status?.Active ?? [];
        w.Line(0, $"Active Jobs:\t{(active.Count == 0 ? "<none>" : string.Join(", ", active.Select(a => a.Name)))}");
        w.Events(events, now);
        return w.ToString();
    }
}
