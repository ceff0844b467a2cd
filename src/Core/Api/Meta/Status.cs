using System.Text.Json.Serialization;

namespace Playground.Core.Api.Meta;

/// <summary>The API's error body (meta/v1 Status), as kubectl and client libraries expect it.</summary>
public sealed class Status
{
    public string Kind { get; set; } = "Status";
    public string ApiVersion { get; set; } = "v1";
    public ListMeta Metadata { get; set; } = new();
    [JsonPropertyName("status")] public string Outcome { get; set; } = "Failure";
    public string Message { get; set; } = "";
    public string Reason { get; set; } = "";
    public StatusDetails? Details { get; set; }
    public int Code { get; set; }
}

public sealed class StatusDetails
{
    public string? Name { get; set; }
    public string? Group { get; set; }
    public string? Kind { get; set; }
    public List<StatusCause>? Causes { get; set; }
}

public sealed class StatusCause
{
    public string Reason { get; set; } = "";
    public string Message { get; set; } = "";
    public string Field { get; set; } = "";
}
