using Playground.Core.Api.Meta;
using CoreNamespace = Playground.Core.Api.Core.Namespace;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class NamespaceTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Status"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ns = (CoreNamespace)obj;
        return [ns.Metadata.Name ?? "", ns.Status?.Phase ?? "", HumanDuration.Since(ns.Metadata.CreationTimestamp, now)];
    }
}
