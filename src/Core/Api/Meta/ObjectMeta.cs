namespace Playground.Core.Api.Meta;

public sealed class ObjectMeta
{
    public string? Name { get; set; }
    public string? GenerateName { get; set; }
    public string? Namespace { get; set; }
    public string? Uid { get; set; }
    public string? ResourceVersion { get; set; }
    public long? Generation { get; set; }
    public DateTimeOffset? CreationTimestamp { get; set; }
    public DateTimeOffset? DeletionTimestamp { get; set; }
    public long? DeletionGracePeriodSeconds { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public List<OwnerReference>? OwnerReferences { get; set; }
    public List<string>? Finalizers { get; set; }

    /// <summary>Kept opaque: the simulation records field managers but does not interpret them yet.</summary>
    public System.Text.Json.Nodes.JsonArray? ManagedFields { get; set; }
}

public sealed class OwnerReference
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Uid { get; set; } = "";
    public bool? Controller { get; set; }
    public bool? BlockOwnerDeletion { get; set; }
}

public sealed class LabelSelector
{
    public Dictionary<string, string>? MatchLabels { get; set; }
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}

public sealed class LabelSelectorRequirement
{
    public string Key { get; set; } = "";
    public string Operator { get; set; } = "";
    public List<string>? Values { get; set; }
}

/// <summary>A condition as most API types share it (type, status, reason, message, times).</summary>
public sealed class Condition
{
    public string Type { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset? LastProbeTime { get; set; }
    public DateTimeOffset? LastHeartbeatTime { get; set; }
    public DateTimeOffset? LastUpdateTime { get; set; }
    public DateTimeOffset? LastTransitionTime { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
}
