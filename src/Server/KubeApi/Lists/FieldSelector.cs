using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Lists;

/// <summary>
/// ?fieldSelector=: terms joined by ',' with '=', '==' or '!=', on the fields upstream's registry lets each kind be
/// selected by (metadata.name and metadata.namespace for all, a few more per kind); any other field is refused as upstream refuses it.
/// </summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, string Value, bool Negated)> _terms;

    private FieldSelector(IReadOnlyList<(string, string, bool)> terms) => _terms = terms;

    public static readonly FieldSelector Everything = new([]);

    public bool IsEverything => _terms.Count == 0;

    /// <summary>The name a selector pins down with metadata.name=x, which lets a watch skip other objects' writes cheaply.</summary>
    public string? Name => _terms.FirstOrDefault(t => t.Field == "metadata.name" && !t.Negated).Value;

    /// <exception cref="ApiException">400 for a term it cannot read or a field the kind cannot be selected by.</exception>
    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<(string, string, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (op, at) = term.IndexOf("!=", StringComparison.Ordinal) is >= 0 and var ne ? ("!=", ne)
                : term.IndexOf("==", StringComparison.Ordinal) is >= 0 and var eq ? ("==", eq)
                : ("=", term.IndexOf('='));
            if (at <= 0) throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            var field = term[..at].Trim();
            if (!Supported(kind, field)) throw ApiException.BadRequest($"field label not supported: {field}");
            terms.Add((field, term[(at + op.Length)..].Trim(), op == "!="));
        }
        return new FieldSelector(terms);
    }

    public bool Matches(KubeObject obj)
    {
        if (IsEverything) return true;
        var node = KubeJson.ToNode(obj);
        return _terms.All(t => (Read(node, t.Field) == t.Value) != t.Negated);
    }

    /// <summary>Fields as upstream's field-label conversion functions accept them, per kind.</summary>
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

    private static bool Supported(string kind, string field) =>
        field is "metadata.name" or "metadata.namespace" || (ByKind.TryGetValue(kind, out var fields) && fields.Contains(field));

    /// <summary>The field's value as upstream's field set spells it: missing is "", booleans and numbers in Go's text.</summary>
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
