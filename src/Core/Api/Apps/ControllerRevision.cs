using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Apps;

/// <summary>An immutable snapshot of a StatefulSet's or DaemonSet's template: their rollout history.</summary>
public sealed class ControllerRevision : KubeObject
{
    public ControllerRevision() { ApiVersion = "apps/v1"; Kind = "ControllerRevision"; }
    public JsonObject? Data { get; set; }
    public long Revision { get; set; }
}
