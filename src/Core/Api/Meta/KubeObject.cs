using System.Text.Json.Serialization;

namespace Playground.Core.Api.Meta;

/// <summary>Every stored API object: type information plus standard metadata.</summary>
public abstract class KubeObject
{
    [JsonPropertyOrder(-3)] public string ApiVersion { get; set; } = "";
    [JsonPropertyOrder(-2)] public string Kind { get; set; } = "";
    [JsonPropertyOrder(-1)] public ObjectMeta Metadata { get; set; } = new();
}

/// <summary>The list envelope the API returns for a collection.</summary>
public sealed class KubeList<T> where T : KubeObject
{
    public string ApiVersion { get; set; } = "v1";
    public string Kind { get; set; } = "List";
    public ListMeta Metadata { get; set; } = new();
    public List<T> Items { get; set; } = [];
}

public sealed class ListMeta
{
    public string? ResourceVersion { get; set; }
    public string? Continue { get; set; }
}
