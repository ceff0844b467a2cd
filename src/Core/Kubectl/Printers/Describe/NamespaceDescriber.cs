using CoreNamespace = Playground.Core.Api.Core.Namespace;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe namespace; the playground has no quotas or limit ranges, so it says so as kubectl does.</summary>
public static class NamespaceDescriber
{
    public static string Describe(CoreNamespace ns)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{ns.Metadata.Name}");
        w.Labels("Labels", ns.Metadata.Labels);
        w.Annotations("Annotations", ns.Metadata.Annotations);
        w.Line(0, $"Status:\t{ns.Status?.Phase}");
        w.Line(0, "");
        w.Line(0, "No resource quota.");
        w.Line(0, "");
        w.Line(0, "No LimitRange resource.");
        return w.ToString();
    }
}
