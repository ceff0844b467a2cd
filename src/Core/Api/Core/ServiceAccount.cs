using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

/// <summary>An identity for processes in pods; every namespace gets a "default" one.</summary>
public sealed class ServiceAccount : KubeObject
{
    public ServiceAccount() { ApiVersion = "v1"; Kind = "ServiceAccount"; }
    public List<ObjectReference>? Secrets { get; set; }
    public List<LocalObjectReference>? ImagePullSecrets { get; set; }
    public bool? AutomountServiceAccountToken { get; set; }
}

public sealed class LocalObjectReference
{
    public string? Name { get; set; }
}
