using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Playground.Core.Kubectl.Printers;

/// <summary>
/// JSON as kubectl -o json writes it: Go's json.MarshalIndent of an unstructured object, so keys sorted
/// byte-wise at every level, four-space indents, and Go's escaping of &lt;, &gt; and &amp;.
/// </summary>
public static class GoJson
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteValue(text, node, 0);
        return text.Append('\n').ToString();
    }

    /// <summary>One line, as Go's json.Encoder writes it (and kubectl stores its last-applied configuration): sorted keys, a final newline.</summary>
    public static string Compact(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteCompact(text, node);
        return text.Append('\n').ToString();
    }

    private static void WriteCompact(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var key in obj.Select(p => p.Key).Order(StringComparer.Ordinal))
                {
                    if (!first) text.Append(',');
                    first = false;
                    Quote(text, key);
                    text.Append(':');
                    WriteCompact(text, obj[key]);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    WriteCompact(text, array[i]);
                }
                text.Append(']');
                break;
            default:
                WriteValue(text, node, 0);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? node, int indent)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append("{\n");
                var keys = obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                for (var i = 0; i < keys.Count; i++)
                {
                    text.Append(' ', indent + 4);
                    Quote(text, keys[i]);
                    text.Append(": ");
                    WriteValue(text, obj[keys[i]], indent + 4);
                    text.Append(i + 1 < keys.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append('}');
                break;
            case JsonArray array when array.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array:
                text.Append("[\n");
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(' ', indent + 4);
                    WriteValue(text, array[i], indent + 4);
                    text.Append(i + 1 < array.Count ? ",\n" : "\n");
                }
                text.Append(' ', indent).Append(']');
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        Quote(text, node.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        text.Append("true");
                        break;
                    case JsonValueKind.False:
                        text.Append("false");
                        break;
                    default:
                        text.Append(node.ToJsonString());
                        break;
                }
                break;
        }
    }

    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }
}
