using Playground.Core.Api.Coordination;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>printLease: who holds the lease.</summary>
public sealed class LeaseTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Holder"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var lease = (Lease)obj;
        return [lease.Metadata.Name ?? "", lease.Spec.HolderIdentity ?? "", HumanDuration.Since(lease.Metadata.CreationTimestamp, now)];
    }
}
