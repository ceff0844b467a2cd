using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class EventTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Last Seen"), new("Type"), new("Reason"), new("Object"), new("Subobject", 1), new("Source", 1),
        new("Message"), new("First Seen", 1), new("Count", 1), new("Name", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var e = (Event)obj;
        var firstSeen = e.FirstTimestamp is not null ? HumanDuration.Since(e.FirstTimestamp, now) : HumanDuration.Since(e.EventTime, now);
        var lastSeen = e.LastTimestamp is not null ? HumanDuration.Since(e.LastTimestamp, now) : firstSeen;
        var kind = (e.InvolvedObject.Kind ?? "").ToLowerInvariant();
        return
        [
            lastSeen,
            e.Type ?? "",
            e.Reason ?? "",
            string.IsNullOrEmpty(e.InvolvedObject.Name) ? kind : $"{kind}/{e.InvolvedObject.Name}",
            e.InvolvedObject.FieldPath ?? "",
            Source(e),
            (e.Message ?? "").Trim(),
            firstSeen,
            $"{(e.Count is > 0 ? e.Count : 1)}",
            e.Metadata.Name ?? "",
        ];
    }

    /// <summary>"component, host", falling back to the reporting controller and instance of newer events.</summary>
    private static string Source(Event e)
    {
        var component = e.Source?.Component is { Length: > 0 } c ? c : e.ReportingComponent ?? "";
        var instance = e.Source?.Host is { Length: > 0 } h ? h : e.ReportingInstance ?? "";
        return instance.Length == 0 ? component : $"{component}, {instance}";
    }
}
