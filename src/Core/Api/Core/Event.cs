using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

/// <summary>A core/v1 Event, as kubectl get events and describe print them.</summary>
public sealed class Event : KubeObject
{
    public Event() { ApiVersion = "v1"; Kind = "Event"; }
    public ObjectReference InvolvedObject { get; set; } = new();
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public EventSource? Source { get; set; }
    public DateTimeOffset? FirstTimestamp { get; set; }
    public DateTimeOffset? LastTimestamp { get; set; }
    public int? Count { get; set; }
    public string? Type { get; set; }
    public DateTimeOffset? EventTime { get; set; }
    public string? Action { get; set; }
    public string? ReportingComponent { get; set; }
    public string? ReportingInstance { get; set; }
}

public sealed class EventSource
{
    public string? Component { get; set; }
    public string? Host { get; set; }
}
