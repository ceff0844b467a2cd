using System.Text.Json.Nodes;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// The fields each kind can be selected by (upstream's per-kind field-label conversion functions), and their values as
/// upstream's field sets spell them; the API server's ?fieldSelector= and the terminal's --field-selector share them.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string[]> ByKind = new()
    {
        ["Pod"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
            "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"],
        ["Event"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type"],
        ["Node"] = ["spec.unschedulable"],
        ["Namespace"] = ["status.phase"],
        ["Secret"] = ["type"],
        ["ReplicaSet"] = ["status.replicas"],
        ["Job"] = ["status.successful"],
        ["Service"] = ["spec.clusterIP", "spec.type"],
    };

    /// <summary>Terms joined by ',' with '=', '==' or '!='.</summary>
    /// <exception cref="FormatException">A term it cannot read or a field the kind cannot be selected by, in the API server's words.</exception>
    public static IReadOnlyList<FieldTerm> Parse(string text, string kind)
    {
        var terms = new List<FieldTerm>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (op, at) = term.IndexOf("!=", StringComparison.Ordinal) is >= 0 and var ne ? ("!=", ne)
                : term.IndexOf("==", StringComparison.Ordinal) is >= 0 and var eq ? ("==", eq)
                : ("=", term.IndexOf('='));
            if (at <= 0) throw new FormatException($"invalid selector: '{text}'; can't understand '{term}'");
            var field = term[..at].Trim();
            if (!Supported(kind, field)) throw new FormatException($"field label not supported: {field}");
            terms.Add(new FieldTerm(field, term[(at + op.Length)..].Trim(), op == "!="));
        }
        return terms;
    }

    public static bool Matches(IReadOnlyList<FieldTerm> terms, JsonObject obj) => terms.All(t => (Read(obj, t.Field) == t.Value) != t.Negated);

    private static bool Supported(string kind, string field) =>
        field is "metadata.name" or "metadata.namespace" || (ByKind.TryGetValue(kind, out var fields) && fields.Contains(field));

    /// <summary>The field's value: missing is "" (false or 0 where upstream's field set has a Go zero value), booleans and numbers in Go's text.</summary>
    private static string Read(JsonObject obj, string field)
    {
        JsonNode? node = obj;
        // Events are selected by "source", which upstream reads as the reporting component.
        foreach (var part in (field == "source" ? "source.component" : field).Split('.')) node = node is JsonObject o ? o[part] : null;
        return node switch
        {
            null => field switch
            {
                "spec.unschedulable" or "spec.hostNetwork" => "false",
                "status.replicas" or "status.successful" => "0",
                _ => "",
            },
            JsonArray array => array.FirstOrDefault() is JsonObject first && first["ip"] is { } ip ? ip.ToString() : "",
            JsonValue value when value.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToString(),
        };
    }
}

public sealed record FieldTerm(string Field, string Value, bool Negated);
