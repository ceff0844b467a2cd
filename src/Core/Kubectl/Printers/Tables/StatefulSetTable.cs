using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class StatefulSetTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Ready"), new("Age"), new("Containers", 1), new("Images", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var set = (StatefulSet)obj;
        var (names, images) = ContainerCells.Layout(set.Spec.Template.Spec.Containers);
        return
        [
            set.Metadata.Name ?? "",
            $"{set.Status?.ReadyReplicas ?? 0}/{set.Spec.Replicas ?? 0}",
            HumanDuration.Since(set.Metadata.CreationTimestamp, now),
            names, images,
        ];
    }
}
