using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Core.Clients;

/// <summary>
/// Writes core/v1 Events for one component, as client-go's recorder does: a repeat of the same reason and message
/// on the same object raises the existing event's count instead of adding another.
/// </summary>
public sealed class EventRecorder(ApiServer.ApiServer api, string component, string? host = null)
{
    private readonly Dictionary<(string Uid, string Type, string Reason, string Message), string> _recent = [];

    public string Component => component;

    public void Normal(KubeObject obj, string reason, string message, WriteContext context) =>
        Record(obj, "Normal", reason, message, context);

    public void Warning(KubeObject obj, string reason, string message, WriteContext context) =>
        Record(obj, "Warning", reason, message, context);

    public void Record(KubeObject obj, string type, string reason, string message, WriteContext context, string? fieldPath = null)
    {
        var now = api.Now;
        var ns = obj.Metadata.Namespace ?? "default";
        var identity = (obj.Metadata.Uid ?? "", type, reason, message);
        if (_recent.TryGetValue(identity, out var existingName) && api.TryGet<Event>(ns, existingName) is { } existing)
        {
            existing.Count = (existing.Count ?? 1) + 1;
            existing.LastTimestamp = now;
            api.Update(existing, context);
            return;
        }
        // Upstream names events "<object>.<unix nanos in hex>"; the revision keeps names unique at one virtual instant.
        var name = $"{obj.Metadata.Name}.{now.ToUnixTimeMilliseconds() * 1_000_000 + api.Store.Revision % 1_000_000:x}";
        var involved = new ObjectReference
        {
            Kind = obj.Kind,
            Namespace = obj.Metadata.Namespace,
            Name = obj.Metadata.Name,
            Uid = obj.Metadata.Uid,
            ApiVersion = obj.ApiVersion,
            ResourceVersion = obj.Metadata.ResourceVersion,
            FieldPath = fieldPath,
        };
        // Upstream's broadcaster drops an event the API refuses (one in a terminating namespace), it never fails the caller.
        Event created;
        try
        {
            created = Create(name, ns, involved, type, reason, message, now, context);
        }
        catch (ApiException e) when (e.Code == 403)
        {
            return;
        }
        if (_recent.Count >= 4096) _recent.Clear();
        // Keyed by the stored event's own strings, which decoding shares with the store, rather than the caller's copies.
        _recent[identity with { message = created.Message ?? message }] = created.Metadata.Name!;
    }

    private Event Create(string name, string ns, ObjectReference involved, string type, string reason, string message, DateTimeOffset now, WriteContext context) =>
        api.Create(new Event
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            InvolvedObject = involved,
            Reason = reason,
            Message = message,
            Type = type,
            Source = new EventSource { Component = component, Host = host },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
            ReportingComponent = component,
            ReportingInstance = host ?? "",
        }, context);
}
