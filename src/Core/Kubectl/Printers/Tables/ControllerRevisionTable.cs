using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class ControllerRevisionTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Controller"), new("Revision"), new("Age")];

    /// <summary>CONTROLLER is the owner as "statefulset.apps/web" (kind.group, lower case).</summary>
    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var revision = (ControllerRevision)obj;
        var owner = Controllers.ControllerRefs.ControllerOf(revision);
        var controller = "<none>";
        if (owner is not null)
        {
            var slash = owner.ApiVersion.IndexOf('/');
            var group = slash < 0 ? "" : owner.ApiVersion[..slash];
            controller = $"{(group.Length == 0 ? owner.Kind : $"{owner.Kind}.{group}").ToLowerInvariant()}/{owner.Name}";
        }
        return [revision.Metadata.Name ?? "", controller, $"{revision.Revision}", HumanDuration.Since(revision.Metadata.CreationTimestamp, now)];
    }
}
