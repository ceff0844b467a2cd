using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

public sealed class ConfigMap : KubeObject
{
    public ConfigMap() { ApiVersion = "v1"; Kind = "ConfigMap"; }
    public Dictionary<string, string>? Data { get; set; }
    public Dictionary<string, string>? BinaryData { get; set; }
    public bool? Immutable { get; set; }
}

public sealed class Namespace : KubeObject
{
    public Namespace() { ApiVersion = "v1"; Kind = "Namespace"; }
    public NamespaceSpec? Spec { get; set; }
    public NamespaceStatus? Status { get; set; }
}

public sealed class NamespaceSpec
{
    public List<string>? Finalizers { get; set; }
}

public sealed class NamespaceStatus
{
    public string? Phase { get; set; }
}
