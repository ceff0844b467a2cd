using Playground.Core.Api.Meta;
using Playground.Core.Api.Networking;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class IngressClassTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Controller"), new("Parameters"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ingressClass = (IngressClass)obj;
        var parameters = ingressClass.Spec.Parameters is { } p
            ? (string.IsNullOrEmpty(p.ApiGroup) ? $"{p.Kind}/{p.Name}" : $"{p.Kind}.{p.ApiGroup}/{p.Name}")
            : "<none>";
        return [ingressClass.Metadata.Name ?? "", ingressClass.Spec.Controller ?? "", parameters, HumanDuration.Since(ingressClass.Metadata.CreationTimestamp, now)];
    }
}
