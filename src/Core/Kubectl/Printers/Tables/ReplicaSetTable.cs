using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class ReplicaSetTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Desired"), new("Current"), new("Ready"), new("Age"),
        new("Containers", 1), new("Images", 1), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var rs = (ReplicaSet)obj;
        var (names, images) = ContainerCells.Layout(rs.Spec.Template?.Spec.Containers);
        return
        [
            rs.Metadata.Name ?? "",
            $"{rs.Spec.Replicas ?? 0}",
            $"{rs.Status?.Replicas ?? 0}",
            $"{rs.Status?.ReadyReplicas ?? 0}",
            HumanDuration.Since(rs.Metadata.CreationTimestamp, now),
            names, images, LabelFormat.FormatSelector(rs.Spec.Selector),
        ];
    }
}
