using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>For kinds without their own describer: the object's identity and its events.</summary>
public static class GenericDescriber
{
    public static string Describe(KubeObject obj, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{obj.Metadata.Name}");
        w.Line(0, $"Namespace:\t{obj.Metadata.Namespace}");
        w.Labels("Labels", obj.Metadata.Labels);
        w.Annotations("Annotations", obj.Metadata.Annotations);
        w.Line(0, $"API Version:\t{obj.ApiVersion}");
        w.Line(0, $"Kind:\t{obj.Kind}");
        w.Events(events, now);
        return w.ToString();
    }
}
