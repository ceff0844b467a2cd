using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

public static class ConfigMapDescriber
{
    public static string Describe(ConfigMap cm, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{cm.Metadata.Name}");
        w.Line(0, $"Namespace:\t{cm.Metadata.Namespace}");
        w.Labels("Labels", cm.Metadata.Labels);
        w.Annotations("Annotations", cm.Metadata.Annotations);
        w.Write(0, "\nData\n====\n");
        foreach (var (key, value) in (cm.Data ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Write(0, $"{key}:\n----\n{value}\n\n");
        w.Write(0, "\nBinaryData\n====\n");
        foreach (var (key, value) in (cm.BinaryData ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Write(0, $"{key}: {Convert.FromBase64String(value).Length} bytes\n");
        w.Write(0, "\n");
        w.Events(events, now);
        return w.ToString();
    }
}
