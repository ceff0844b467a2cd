using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class EndpointSliceTable : IKindTable
{
    private const int Shown = 3;

    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("AddressType"), new("Ports"), new("Endpoints"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var slice = (EndpointSlice)obj;
        var ports = (slice.Ports ?? []).Select(p => p.Port?.ToString() ?? p.Name ?? "*").ToList();
        var addresses = (slice.Endpoints ?? []).SelectMany(e => e.Addresses).ToList();
        return [slice.Metadata.Name ?? "", slice.AddressType, ListWithMore(ports), ListWithMore(addresses), HumanDuration.Since(slice.Metadata.CreationTimestamp, now)];
    }

    /// <summary>Upstream's listWithMoreString: the first three, "+ N more..." for the rest, "&lt;unset&gt;" for none.</summary>
    private static string ListWithMore(IReadOnlyList<string> items)
    {
        var text = string.Join(',', items.Take(Shown));
        if (items.Count > Shown) return $"{text} + {items.Count - Shown} more...";
        return text.Length == 0 ? "<unset>" : text;
    }
}
