using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

public static class EndpointsDescriber
{
    public static string Describe(Endpoints ep, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{ep.Metadata.Name}");
        w.Line(0, $"Namespace:\t{ep.Metadata.Namespace}");
        w.Labels("Labels", ep.Metadata.Labels);
        w.Annotations("Annotations", ep.Metadata.Annotations);
        w.Line(0, "Subsets:");
        foreach (var subset in ep.Subsets ?? [])
        {
            w.Line(1, $"Addresses:\t{Join(subset.Addresses)}");
            w.Line(1, $"NotReadyAddresses:\t{Join(subset.NotReadyAddresses)}");
            if (subset.Ports is { Count: > 0 } ports)
            {
                w.Line(1, "Ports:");
                w.Line(2, "Name\tPort\tProtocol");
                w.Line(2, "----\t----\t--------");
                foreach (var port in ports) w.Line(2, $"{(string.IsNullOrEmpty(port.Name) ? "<unset>" : port.Name)}\t{port.Port}\t{port.Protocol}");
            }
            w.Line(0, "");
        }
        w.Events(events, now);
        return w.ToString();
    }

    private static string Join(IReadOnlyList<EndpointAddress>? addresses) =>
        addresses is { Count: > 0 } ? string.Join(',', addresses.Select(a => a.Ip)) : "<none>";
}
