using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;

namespace Playground.Core.Api.Coordination;

/// <summary>coordination.k8s.io/v1 Lease: a kubelet's heartbeat in kube-node-lease, renewed every 10 seconds.</summary>
public sealed class Lease : KubeObject
{
    public Lease() { ApiVersion = "coordination.k8s.io/v1"; Kind = "Lease"; }
    public LeaseSpec Spec { get; set; } = new();
}

public sealed class LeaseSpec
{
    public string? HolderIdentity { get; set; }
    public int? LeaseDurationSeconds { get; set; }
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }
    public int? LeaseTransitions { get; set; }
    public string? Strategy { get; set; }
    public string? PreferredHolder { get; set; }
}
