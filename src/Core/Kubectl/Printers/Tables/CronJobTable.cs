using Playground.Core.Api.Batch;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>printCronJob of kubectl 1.32.</summary>
public sealed class CronJobTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Schedule"), new("Timezone"), new("Suspend"), new("Active"), new("Last Schedule"), new("Age"),
        new("Containers", 1), new("Images", 1), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var cronJob = (CronJob)obj;
        var (names, images) = ContainerCells.Layout(cronJob.Spec.JobTemplate.Spec.Template.Spec.Containers);
        return
        [
            cronJob.Metadata.Name ?? "",
            cronJob.Spec.Schedule,
            cronJob.Spec.TimeZone ?? "<none>",
            cronJob.Spec.Suspend is { } suspend ? (suspend ? "True" : "False") : "<unset>",
            (cronJob.Status?.Active?.Count ?? 0).ToString(),
            cronJob.Status?.LastScheduleTime is { } last ? HumanDuration.Since(last, now) : "<none>",
            HumanDuration.Since(cronJob.Metadata.CreationTimestamp, now),
            names, images, LabelFormat.FormatSelector(cronJob.Spec.JobTemplate.Spec.Selector),
        ];
    }
}
