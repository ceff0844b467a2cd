using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class DaemonSetTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Desired"), new("Current"), new("Ready"), new("Up-to-date"), new("Available"),
        new("Node Selector"), new("Age"), new("Containers", 1), new("Images", 1), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ds = (DaemonSet)obj;
        var status = ds.Status ?? new DaemonSetStatus();
        var (names, images) = ContainerCells.Layout(ds.Spec.Template.Spec.Containers);
        return
        [
            ds.Metadata.Name ?? "",
            $"{status.DesiredNumberScheduled}",
            $"{status.CurrentNumberScheduled}",
            $"{status.NumberReady}",
            $"{status.UpdatedNumberScheduled ?? 0}",
            $"{status.NumberAvailable ?? 0}",
            LabelFormat.Labels(ds.Spec.Template.Spec.NodeSelector),
            HumanDuration.Since(ds.Metadata.CreationTimestamp, now),
            names, images, LabelFormat.FormatSelector(ds.Spec.Selector),
        ];
    }
}
