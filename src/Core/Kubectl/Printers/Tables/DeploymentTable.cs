using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class DeploymentTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Ready"), new("Up-to-date"), new("Available"), new("Age"),
        new("Containers", 1), new("Images", 1), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var d = (Deployment)obj;
        var status = d.Status ?? new DeploymentStatus();
        var (names, images) = ContainerCells.Layout(d.Spec.Template.Spec.Containers);
        return
        [
            d.Metadata.Name ?? "",
            $"{status.ReadyReplicas ?? 0}/{d.Spec.Replicas ?? 0}",
            $"{status.UpdatedReplicas ?? 0}",
            $"{status.AvailableReplicas ?? 0}",
            HumanDuration.Since(d.Metadata.CreationTimestamp, now),
            names, images, LabelFormat.Selector(d.Spec.Selector),
        ];
    }
}
