using System.Globalization;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>
/// kubectl describe's PrefixWriter: text at indentation levels of two spaces, laid out by a tabwriter with
/// describe's settings, plus the multi-line sections (labels, annotations, taints, tolerations, events) every describer shares.
/// </summary>
public sealed class DescribeWriter
{
    /// <summary>Annotation values longer than this are moved below their key and cut.</summary>
    private const int MaxAnnotationLength = 140;

    private readonly TabWriter _tabs = TabWriter.ForDescribe();

    public DescribeWriter Write(int level, string text)
    {
        _tabs.Write(new string(' ', level * 2) + text);
        return this;
    }

    public DescribeWriter Line(int level, string text) => Write(level, text + "\n");

    public override string ToString() => _tabs.ToString();

    /// <summary>Go's time.RFC1123Z, in UTC; a missing time prints as Go's zero time does.</summary>
    public static string Time(DateTimeOffset? time) =>
        (time ?? DateTimeOffset.MinValue).UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>printLabelsMultiline: "Title:\tk=v" then one "\tk=v" line per further label, sorted; "&lt;none&gt;" when empty.</summary>
    public void Labels(string title, IReadOnlyDictionary<string, string>? labels)
    {
        var lines = (labels ?? new Dictionary<string, string>()).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}");
        Multiline(title, lines);
    }

    /// <summary>Annotations one per line ("key: value"), except kubectl's last-applied configuration; long or multi-line values go below their key.</summary>
    public void Annotations(string title, IReadOnlyDictionary<string, string>? annotations)
    {
        Write(0, $"{title}:\t");
        var keys = (annotations ?? new Dictionary<string, string>()).Keys
            .Where(k => k != "kubectl.kubernetes.io/last-applied-configuration")
            .Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            Write(0, "<none>\n");
            return;
        }
        for (var i = 0; i < keys.Count; i++)
        {
            if (i != 0) Write(0, "\t");
            var value = annotations![keys[i]].TrimEnd('\n');
            if (value.Length + keys[i].Length + 2 > MaxAnnotationLength || value.Contains('\n'))
            {
                Write(0, $"{keys[i]}:\n");
                foreach (var line in value.Split('\n'))
                    Write(0, $"\t  {(line.Length > MaxAnnotationLength - 2 ? line[..(MaxAnnotationLength - 2)] + "..." : line)}\n");
            }
            else
            {
                Write(0, $"{keys[i]}: {value}\n");
            }
        }
    }

    /// <summary>Taints as key=value:Effect, sorted by effect then key.</summary>
    public void Taints(string title, IReadOnlyList<Taint>? taints) =>
        Multiline(title, (taints ?? []).OrderBy(t => $"{t.Effect},{t.Key}", StringComparer.Ordinal)
            .Select(t => t.Value is { Length: > 0 } v ? $"{t.Key}={v}:{t.Effect}" : $"{t.Key}:{t.Effect}"));

    /// <summary>Tolerations sorted by key, with "op=Exists" and "for Ns" as kubectl writes them.</summary>
    public void Tolerations(string title, IReadOnlyList<Toleration>? tolerations) =>
        Multiline(title, (tolerations ?? []).OrderBy(t => t.Key ?? "", StringComparer.Ordinal).Select(Toleration));

    private static string Toleration(Toleration t)
    {
        var text = t.Key ?? "";
        if (!string.IsNullOrEmpty(t.Value)) text += "=" + t.Value;
        if (!string.IsNullOrEmpty(t.Effect)) text += ":" + t.Effect;
        if (t.Operator == "Exists" && string.IsNullOrEmpty(t.Value))
            text += !string.IsNullOrEmpty(t.Key) || !string.IsNullOrEmpty(t.Effect) ? " op=Exists" : "op=Exists";
        if (t.TolerationSeconds is { } seconds) text += $" for {seconds}s";
        return text;
    }

    public void Multiline(string title, IEnumerable<string> lines)
    {
        Write(0, $"{title}:\t");
        var first = true;
        foreach (var line in lines)
        {
            if (!first) Write(0, "\t");
            first = false;
            Write(0, line + "\n");
        }
        if (first) Write(0, "<none>\n");
    }

    /// <summary>
    /// The Events table that ends every description, oldest first. It starts a fresh layout (kubectl flushes the
    /// tabwriter first) so its columns do not stretch the fields above it.
    /// </summary>
    public void Events(IReadOnlyList<Event> events, DateTimeOffset now)
    {
        if (events.Count == 0)
        {
            Line(0, "Events:\t<none>");
            return;
        }
        _tabs.Flush();
        Line(0, "Events:");
        Line(1, "Type\tReason\tAge\tFrom\tMessage");
        Line(1, "----\t------\t----\t----\t-------");
        foreach (var e in events.OrderBy(LastSeen))
        {
            var first = e.EventTime is not null ? HumanDuration.Since(e.EventTime, now) : HumanDuration.Since(e.FirstTimestamp, now);
            var age = e.Count > 1 ? $"{HumanDuration.Since(e.LastTimestamp, now)} (x{e.Count} over {first})" : first;
            var source = e.Source?.Component is { Length: > 0 } component ? component : e.ReportingComponent ?? "";
            var message = (e.Message ?? "").Trim();
            Line(1, $"{e.Type}\t{e.Reason}\t{age}\t{source}\t{message}");
        }
    }

    private static DateTimeOffset LastSeen(Event e) => e.LastTimestamp ?? e.EventTime ?? DateTimeOffset.MinValue;
}
