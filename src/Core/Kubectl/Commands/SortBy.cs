using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl v1.32's get --sort-by (cmd/get/sorter.go): objects ordered by the first value a relaxed JSONPath finds in
/// each. Integers and floats compare as numbers; two strings as quantities when both parse ("250m" before "1"), else
/// byte-wise (RFC 3339 times sort by time, "web-10" before "web-2"); null and a missing field sort first.
/// </summary>
public static class SortBy
{
    /// <summary>What kubectl's sorter finds on the Table objects the API server answers with.</summary>
    private static readonly JsonObject TableObject = new() { ["apiVersion"] = "meta.k8s.io/v1", ["kind"] = "Table", ["metadata"] = new JsonObject() };

    /// <summary>
    /// Several tables (kinds or names) are first sorted as objects themselves, before their rows: a Table has none of
    /// the objects' fields, so kubectl refuses almost any path then.
    /// </summary>
    public static void CheckTables(int tables, string sortBy)
    {
        if (tables < 2) return;
        var field = JsonPath.Relaxed(sortBy);
        if (JsonPath.Find(field[1..^1], TableObject).Count == 0) throw NotFound(field);
    }

    /// <summary>
    /// One table's rows, as the sorting printer orders them when there are two or more; null when it fails, as its
    /// error is dropped by kubectl and the table is not printed.
    /// </summary>
    public static IReadOnlyList<KubeObject>? Rows(IReadOnlyList<KubeObject> rows, string sortBy, DateTimeOffset now)
    {
        if (rows.Count < 2) return rows;
        List<Key> keys;
        string field;
        try
        {
            field = JsonPath.Relaxed(sortBy);
            keys = Keys(rows, field);
        }
        catch (KubectlException)
        {
            return null;
        }
        return keys.All(k => k.Kind == ValueKind.Missing) ? null : Order(rows, keys, field, Fatal(now, 375, "[][][]reflect.Value"));
    }

    /// <summary>The items of the List that -o yaml, json, name, jsonpath and custom-columns print.</summary>
    public static IReadOnlyList<KubeObject> Items(IReadOnlyList<KubeObject> objects, string sortBy, DateTimeOffset now)
    {
        if (objects.Count == 0) return objects;
        var field = JsonPath.Relaxed(sortBy);
        var keys = Keys(objects, field);
        if (keys.All(k => k.Kind == ValueKind.Missing)) throw NotFound(field);
        return Order(objects, keys, field, Fatal(now, 329, "*unstructured.Unstructured"));
    }

    private static List<Key> Keys(IReadOnlyList<KubeObject> objects, string field) =>
        objects.Select(o => Key.Of(JsonPath.Find(field[1..^1], Output.Node(o)))).ToList();

    /// <summary>Go's sort.Sort is an insertion sort for short lists; longer ones keep this order for ties, Go's may not.</summary>
    private static IReadOnlyList<KubeObject> Order(IReadOnlyList<KubeObject> objects, List<Key> keys, string field, Func<string, string, KubectlException> unsortable)
    {
        var order = Enumerable.Range(0, objects.Count).ToArray();
        for (var i = 1; i < order.Length; i++)
            for (var j = i; j > 0 && Less(keys[order[j]], keys[order[j - 1]], field, unsortable); j--)
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
        return order.Select(i => objects[i]).ToList();
    }

    private static bool Less(Key a, Key b, string field, Func<string, string, KubectlException> unsortable)
    {
        if (a.Kind == ValueKind.Missing) return true;
        if (b.Kind == ValueKind.Missing) return false;
        if (a.Kind == ValueKind.Null || b.Kind == ValueKind.Null) return a.Kind == ValueKind.Null && b.Kind != ValueKind.Null;
        if (a.Kind == ValueKind.Other) throw unsortable(field, $"unsortable type: {a.GoType}");
        if (a.Kind != b.Kind) throw unsortable(field, "unsortable interface: interface");
        return a.Kind switch
        {
            ValueKind.Integer => a.Integer < b.Integer,
            ValueKind.Float => a.Float < b.Float,
            _ when a.Quantity is { } qa && b.Quantity is { } qb => qa < qb,
            _ => string.CompareOrdinal(a.Text, b.Text) < 0,
        };
    }

    private static KubectlException NotFound(string field) =>
        KubectlException.Error($"couldn't find any field with path \"{field}\" in the list of objects");

    /// <summary>An unsortable value ends kubectl through klog.Exitf, whose line carries the time, a pid and sorter.go's line.</summary>
    private static Func<string, string, KubectlException> Fatal(DateTimeOffset now, int line, string holder) => (field, error) =>
        new KubectlException($"F{now.UtcDateTime.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}       1 sorter.go:{line}] Field {field} in {holder} is an unsortable type: interface, err: {error}");

    private enum ValueKind { Missing, Null, Integer, Float, String, Other }

    /// <summary>The first value found, typed as Go's JSON decoding of an unstructured object would type it.</summary>
    private sealed record Key(ValueKind Kind, long Integer = 0, double Float = 0, string? Text = null, decimal? Quantity = null, string GoType = "")
    {
        public static Key Of(IReadOnlyList<JsonNode?> found)
        {
            if (found.Count == 0) return new Key(ValueKind.Missing);
            switch (found[0])
            {
                case null:
                    return new Key(ValueKind.Null);
                case JsonObject:
                    return new Key(ValueKind.Other, GoType: "map[string]interface {}");
                case JsonArray:
                    return new Key(ValueKind.Other, GoType: "[]interface {}");
            }
            var value = found[0]!.AsValue();
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    var text = value.GetValue<string>();
                    // resource.ParseQuantity takes no surrounding spaces, which Quantity.TryParse would trim.
                    var quantity = text.Trim() == text && Api.Meta.Quantity.TryParse(text, out var parsed) ? parsed : (decimal?)null;
                    return new Key(ValueKind.String, Text: text, Quantity: quantity);
                case JsonValueKind.Number:
                    var raw = value.ToJsonString();
                    return raw.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(raw, CultureInfo.InvariantCulture, out var integer)
                        ? new Key(ValueKind.Integer, Integer: integer)
                        : new Key(ValueKind.Float, Float: double.Parse(raw, CultureInfo.InvariantCulture));
                default:
                    return new Key(ValueKind.Other, GoType: "bool");
            }
        }
    }
}
