using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class ConfigMapTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Data"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var cm = (ConfigMap)obj;
        var count = (cm.Data?.Count ?? 0) + (cm.BinaryData?.Count ?? 0);
        return [cm.Metadata.Name ?? "", $"{count}", HumanDuration.Since(cm.Metadata.CreationTimestamp, now)];
    }
}
