using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class EndpointsTable : IKindTable
{
    /// <summary>How many addresses the ENDPOINTS cell lists before "+ N more...".</summary>
    private const int Shown = 3;

    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Endpoints"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ep = (Endpoints)obj;
        return [ep.Metadata.Name ?? "", Format(ep), HumanDuration.Since(ep.Metadata.CreationTimestamp, now)];
    }

    /// <summary>Ready addresses with each port ("10.244.1.5:80"), the first three of them; only the named port's when a name is given.</summary>
    public static string Format(Endpoints ep, string? portName = null)
    {
        if (ep.Subsets is not { Count: > 0 }) return "<none>";
        var list = new List<string>();
        var count = 0;
        foreach (var subset in ep.Subsets)
        {
            var addresses = subset.Addresses ?? [];
            if (subset.Ports is not { Count: > 0 })
            {
                count += addresses.Count;
                list.AddRange(addresses.Select(a => a.Ip).Take(Shown - list.Count));
                continue;
            }
            foreach (var port in subset.Ports.Where(p => portName is null || (p.Name ?? "") == portName))
            {
                count += addresses.Count;
                list.AddRange(addresses.Select(a => HostPort(a.Ip, port.Port)).Take(Shown - list.Count));
            }
        }
        var text = string.Join(',', list);
        return count > Shown ? $"{text} + {count - Shown} more..." : text;
    }

    private static string HostPort(string ip, int port) => ip.Contains(':') ? $"[{ip}]:{port}" : $"{ip}:{port}";
}
