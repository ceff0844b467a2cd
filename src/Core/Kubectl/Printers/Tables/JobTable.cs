using Playground.Core.Api.Batch;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>printJob of kubectl 1.32: STATUS from the conditions, COMPLETIONS as succeeded/completions, DURATION from start to completion (or now).</summary>
public sealed class JobTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Status"), new("Completions"), new("Duration"), new("Age"),
        new("Containers", 1), new("Images", 1), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var job = (Job)obj;
        var status = job.Status ?? new JobStatus();
        var succeeded = status.Succeeded ?? 0;
        var completions = job.Spec.Completions is { } c ? $"{succeeded}/{c}"
            : (job.Spec.Parallelism ?? 0) > 1 ? $"{succeeded}/1 of {job.Spec.Parallelism}" : $"{succeeded}/1";
        var duration = status.StartTime is not { } start ? ""
            : HumanDuration.Format((status.CompletionTime ?? now) - start);
        var (names, images) = ContainerCells.Layout(job.Spec.Template.Spec.Containers);
        return
        [
            job.Metadata.Name ?? "", Status(job), completions, duration, HumanDuration.Since(job.Metadata.CreationTimestamp, now),
            names, images, LabelFormat.FormatSelector(job.Spec.Selector),
        ];
    }

    private static string Status(Job job)
    {
        bool Has(string type) => job.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;
        if (Has("Complete")) return "Complete";
        if (Has("Failed")) return "Failed";
        if (job.Metadata.DeletionTimestamp is not null) return "Terminating";
        if (Has("Suspended")) return "Suspended";
        if (Has("FailureTarget")) return "FailureTarget";
        return "Running";
    }
}
