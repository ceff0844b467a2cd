using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

/// <summary>Hard limits on what a namespace may hold; status.used is kept by the quota controller.</summary>
public sealed class ResourceQuota : KubeObject
{
    public ResourceQuota() { ApiVersion = "v1"; Kind = "ResourceQuota"; }
    public ResourceQuotaSpec? Spec { get; set; }
    public ResourceQuotaStatus? Status { get; set; }
}

public sealed class ResourceQuotaSpec
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Hard { get; set; }
    public List<string>? Scopes { get; set; }
    public JsonObject? ScopeSelector { get; set; }
}

public sealed class ResourceQuotaStatus
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Hard { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Used { get; set; }
}

/// <summary>Per-container (or per-pod, per-claim) defaults and bounds in a namespace, applied at admission.</summary>
public sealed class LimitRange : KubeObject
{
    public LimitRange() { ApiVersion = "v1"; Kind = "LimitRange"; }
    public LimitRangeSpec Spec { get; set; } = new();
}

public sealed class LimitRangeSpec
{
    public List<LimitRangeItem> Limits { get; set; } = [];
}

public sealed class LimitRangeItem
{
    public string Type { get; set; } = "";
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Max { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Min { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Default { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? DefaultRequest { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? MaxLimitRequestRatio { get; set; }
}
