using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Playground.Core.Kubectl.Printers;

/// <summary>
/// kubectl's JSONPath templates (-o jsonpath, custom-columns): text with {expressions} such as {.metadata.name},
/// {.items[*].status.podIP}, {.items[0]}, {..image}, {.status.conditions[?(@.type=="Ready")].status},
/// {range .items[*]}...{end} and {"\n"}. Missing keys print nothing, as with kubectl's default
/// --allow-missing-template-keys=true.
/// </summary>
public static partial class JsonPath
{
    public static string Execute(string template, JsonNode? root)
    {
        var parts = Parse(template);
        var text = new StringBuilder();
        Run(parts, 0, parts.Count, root, text);
        return text.ToString();
    }

    /// <summary>The values one path finds, for a custom-columns cell.</summary>
    public static IReadOnlyList<JsonNode?> Find(string path, JsonNode? root) => Evaluate(ParsePath(path, path), [root]);

    /// <summary>
    /// kubectl's RelaxedJSONPathExpression, for --sort-by and custom-columns: "a.b", ".a.b", "{a.b}" and "{.a.b}"
    /// all become "{.a.b}".
    /// </summary>
    public static string Relaxed(string expression)
    {
        var match = RelaxedPattern().Match(expression);
        if (!match.Success)
            throw KubectlException.Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
        return "{." + (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) + "}";
    }

    /// <summary>A value as the template prints it: strings bare, objects and lists as compact JSON.</summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "",
        JsonObject or JsonArray => GoJson.Compact(value).TrimEnd('\n'),
        _ when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private abstract record Part;
    private sealed record Text(string Value) : Part;
    private sealed record Expression(IReadOnlyList<Step> Steps) : Part;
    private sealed record Range(IReadOnlyList<Step> Steps) : Part;
    private sealed record End : Part;

    private abstract record Step;
    private sealed record Field(string Name) : Step;
    private sealed record Recursive(string Name) : Step;
    private sealed record Wildcard : Step;
    private sealed record Slice(int? Start, int? Stop, bool Single) : Step;
    private sealed record Filter(IReadOnlyList<Step> Path, string? Operator, JsonNode? Value) : Step;

    private static int Run(List<Part> parts, int from, int to, JsonNode? current, StringBuilder text)
    {
        for (var i = from; i < to; i++)
        {
            switch (parts[i])
            {
                case Text t:
                    text.Append(t.Value);
                    break;
                case Expression e:
                    text.Append(string.Join(' ', Evaluate(e.Steps, [current]).Select(Format)));
                    break;
                case Range r:
                    var end = MatchingEnd(parts, i);
                    foreach (var item in Evaluate(r.Steps, [current]).SelectMany(v => v is JsonArray a ? a.ToList() : [v]))
                        Run(parts, i + 1, end, item, text);
                    i = end;
                    break;
            }
        }
        return to;
    }

    private static int MatchingEnd(List<Part> parts, int range)
    {
        var depth = 0;
        for (var i = range + 1; i < parts.Count; i++)
        {
            if (parts[i] is Range) depth++;
            else if (parts[i] is End && depth-- == 0) return i;
        }
        throw KubectlException.Error("error parsing jsonpath: not in range, nothing to end");
    }

    private static List<JsonNode?> Evaluate(IReadOnlyList<Step> steps, List<JsonNode?> nodes)
    {
        foreach (var step in steps)
            nodes = nodes.SelectMany(n => Apply(step, n)).ToList();
        return nodes;
    }

    private static IEnumerable<JsonNode?> Apply(Step step, JsonNode? node)
    {
        switch (step)
        {
            case Field f when node is JsonObject obj && obj.TryGetPropertyValue(f.Name, out var value):
                return [value];
            case Recursive r:
                return Descendants(node).OfType<JsonObject>().Where(o => o.ContainsKey(r.Name)).Select(o => o[r.Name]);
            case Wildcard when node is JsonObject obj:
                return obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value);
            case Wildcard when node is JsonArray array:
                return array;
            case Slice s when node is JsonArray array:
                var start = Clamp(s.Start ?? 0, array.Count);
                if (s.Single) return start < array.Count && (s.Start ?? 0) > -array.Count - 1 ? [array[start]] : [];
                var stop = Clamp(s.Stop ?? array.Count, array.Count);
                return array.Skip(start).Take(Math.Max(0, stop - start));
            case Filter f when node is JsonArray array:
                return array.Where(item => Matches(f, item));
            default:
                return [];
        }
    }

    private static int Clamp(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node)
    {
        yield return node;
        var children = node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] };
        foreach (var child in children)
        foreach (var descendant in Descendants(child))
            yield return descendant;
    }

    private static bool Matches(Filter filter, JsonNode? item)
    {
        var found = Evaluate(filter.Path, [item]);
        if (filter.Operator is null) return found.Count > 0 && found[0] is not null;
        if (found.Count == 0) return false;
        var left = found[0];
        if (filter.Operator is "==" or "!=")
            return (Format(left) == Format(filter.Value) && left?.GetValueKind() == filter.Value?.GetValueKind()) == (filter.Operator == "==");
        if (!double.TryParse(Format(left), CultureInfo.InvariantCulture, out var l) || !double.TryParse(Format(filter.Value), CultureInfo.InvariantCulture, out var r))
            return false;
        return filter.Operator switch { "<" => l < r, "<=" => l <= r, ">" => l > r, _ => l >= r };
    }

    private static List<Part> Parse(string template)
    {
        var parts = new List<Part>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add(new Text(template[i..]));
                break;
            }
            if (open > i) parts.Add(new Text(template[i..open]));
            var close = ClosingBrace(template, open);
            var inner = template[(open + 1)..close].Trim();
            parts.Add(inner switch
            {
                "end" => new End(),
                _ when inner.StartsWith("range ", StringComparison.Ordinal) => new Range(ParsePath(inner[6..].Trim(), template)),
                _ when inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0] => new Text(Unquote(inner[1..^1])),
                _ => new Expression(ParsePath(inner, template)),
            });
            i = close + 1;
        }
        return parts;
    }

    private static int ClosingBrace(string template, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < template.Length; i++)
        {
            if (template[i] == '"' && template[i - 1] != '\\') quoted = !quoted;
            else if (template[i] == '}' && !quoted) return i;
        }
        throw Invalid(template, "unclosed action");
    }

    private static string Unquote(string text) =>
        text.Replace("\\n", "\n").Replace("\\t", "\t").Replace("\\r", "\r").Replace("\\\"", "\"").Replace("\\\\", "\\");

    private static List<Step> ParsePath(string path, string template)
    {
        var steps = new List<Step>();
        var i = path.StartsWith('$') || path.StartsWith('@') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var recursive = i + 1 < path.Length && path[i + 1] == '.';
                i += recursive ? 2 : 1;
                var start = i;
                while (i < path.Length && path[i] is not ('.' or '[')) i++;
                var name = path[start..i];
                if (name == "*") steps.Add(new Wildcard());
                else if (recursive) steps.Add(new Recursive(name));
                else if (name.Length > 0) steps.Add(new Field(name));
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0) throw Invalid(template, "unterminated array");
                if (path[i + 1] == '?')
                {
                    close = path.IndexOf(")]", i, StringComparison.Ordinal) + 1;
                    if (close <= 0) throw Invalid(template, "unterminated filter");
                    steps.Add(ParseFilter(path[(i + 3)..(close - 1)], template));
                }
                else
                {
                    steps.Add(ParseBracket(path[(i + 1)..close].Trim(), template));
                }
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < path.Length && path[i] is not ('.' or '[')) i++;
                steps.Add(new Field(path[start..i]));
            }
        }
        return steps;
    }

    private static Step ParseBracket(string inside, string template)
    {
        if (inside == "*") return new Wildcard();
        if (inside.Length >= 2 && inside[0] is '\'' or '"') return new Field(inside[1..^1]);
        var bounds = inside.Split(':');
        int? Number(string text) => text.Trim().Length == 0 ? null
            : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : throw Invalid(template, $"invalid array index {text}");
        return bounds.Length == 1 ? new Slice(Number(bounds[0]), null, Single: true) : new Slice(Number(bounds[0]), Number(bounds[1]), Single: false);
    }

    private static Filter ParseFilter(string condition, string template)
    {
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            var at = condition.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var literal = condition[(at + op.Length)..].Trim();
            JsonNode? value = literal.Length >= 2 && literal[0] is '"' or '\'' ? JsonValue.Create(literal[1..^1]) : Literal(literal);
            return new Filter(ParsePath(condition[..at].Trim(), template), op, value);
        }
        return condition.Trim().StartsWith('@') ? new Filter(ParsePath(condition.Trim(), template), null, null)
            : throw Invalid(template, $"unrecognized filter {condition}");
    }

    /// <summary>An unquoted filter operand: a number or boolean, else the bare word as a string.</summary>
    private static JsonNode? Literal(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    [GeneratedRegex(@"^\{\.?([^{}]+)\}$|^\.?([^{}]+)$")]
    private static partial Regex RelaxedPattern();

    private static KubectlException Invalid(string template, string reason) =>
        KubectlException.Error($"error parsing jsonpath {template}, {reason}");
}
