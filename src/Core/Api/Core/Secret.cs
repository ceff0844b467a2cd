using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

/// <summary>A core/v1 Secret: data values are base64 in JSON; stringData is write-only and merged into data by the API server.</summary>
public sealed class Secret : KubeObject
{
    public Secret() { ApiVersion = "v1"; Kind = "Secret"; }
    public Dictionary<string, string>? Data { get; set; }
    public Dictionary<string, string>? StringData { get; set; }
    public string? Type { get; set; }
    public bool? Immutable { get; set; }
}
