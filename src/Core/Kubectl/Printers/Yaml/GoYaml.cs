using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Playground.Core.Kubectl.Printers.Yaml;

/// <summary>
/// YAML as kubectl -o yaml writes it (sigs.k8s.io/yaml over go-yaml v2): keys in go-yaml's order, two-space
/// indents, sequences not indented under their key, strings quoted only when they would read as something else,
/// and long strings folded at 80 columns onto lines indented below their key.
/// </summary>
public static class GoYaml
{
    /// <summary>go-yaml's best_width: a string is folded at the first space after this column.</summary>
    private const int BestWidth = 80;

    public static string Write(JsonNode? node)
    {
        var writer = new Writer();
        writer.Root(node);
        return writer.ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _column;

        public override string ToString() => _text.ToString();

        public void Root(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject { Count: > 0 } obj:
                    Mapping(obj, 0, inlineFirst: false);
                    break;
                case JsonArray { Count: > 0 } array:
                    Sequence(array, 0, inlineFirst: false);
                    break;
                default:
                    Inline(node, 2);
                    Put('\n');
                    break;
            }
        }

        private void Mapping(JsonObject obj, int indent, bool inlineFirst)
        {
            var first = true;
            foreach (var key in obj.Select(p => p.Key).Order(YamlKeyOrder.Instance))
            {
                if (!(first && inlineFirst)) Spaces(indent);
                first = false;
                String(key, isKey: true, indent + 2);
                Put(':');
                var value = obj[key];
                switch (value)
                {
                    case JsonObject { Count: > 0 } child:
                        Put('\n');
                        Mapping(child, indent + 2, inlineFirst: false);
                        break;
                    case JsonArray { Count: > 0 } items:
                        Put('\n');
                        Sequence(items, indent, inlineFirst: false);
                        break;
                    default:
                        Put(' ');
                        Inline(value, indent + 2);
                        Put('\n');
                        break;
                }
            }
        }

        private void Sequence(JsonArray array, int indent, bool inlineFirst)
        {
            var first = true;
            foreach (var item in array)
            {
                if (!(first && inlineFirst)) Spaces(indent);
                first = false;
                Put('-');
                Put(' ');
                switch (item)
                {
                    case JsonObject { Count: > 0 } obj:
                        Mapping(obj, indent + 2, inlineFirst: true);
                        break;
                    case JsonArray { Count: > 0 } inner:
                        Sequence(inner, indent + 2, inlineFirst: true);
                        break;
                    default:
                        Inline(item, indent + 2);
                        Put('\n');
                        break;
                }
            }
        }

        /// <summary>A value that fits after its key or dash: a scalar, {} or []; folded lines continue at <paramref name="indent"/>.</summary>
        private void Inline(JsonNode? node, int indent)
        {
            switch (node)
            {
                case null:
                    Put("null");
                    break;
                case JsonObject:
                    Put("{}");
                    break;
                case JsonArray:
                    Put("[]");
                    break;
                default:
                    switch (node.GetValueKind())
                    {
                        case JsonValueKind.String:
                            String(node.GetValue<string>(), isKey: false, indent);
                            break;
                        case JsonValueKind.True:
                            Put("true");
                            break;
                        case JsonValueKind.False:
                            Put("false");
                            break;
                        default:
                            Put(Number(node));
                            break;
                    }
                    break;
            }
        }

        /// <summary>Integers as written; other numbers as Go's strconv.FormatFloat(f, 'g', -1, 64).</summary>
        private static string Number(JsonNode node)
        {
            var raw = node.ToJsonString();
            if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return raw;
            var d = node.GetValue<double>();
            if (d == Math.Floor(d) && Math.Abs(d) < 1e21) return d.ToString("0", CultureInfo.InvariantCulture);
            var text = d.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains('E') ? text.Replace("E", "e") : text;
        }

        private void String(string value, bool isKey, int indent)
        {
            switch (ScalarStyles.Choose(value, isKey))
            {
                case ScalarStyle.Plain:
                    Plain(value, allowBreaks: !isKey, indent);
                    break;
                case ScalarStyle.SingleQuoted:
                    SingleQuoted(value, allowBreaks: !isKey, indent);
                    break;
                case ScalarStyle.DoubleQuoted:
                    DoubleQuoted(value, allowBreaks: !isKey, indent);
                    break;
                default:
                    Literal(value, indent);
                    break;
            }
        }

        private void Plain(string value, bool allowBreaks, int indent)
        {
            var spaces = false;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i + 1 < value.Length && value[i + 1] != ' ')
                        NewLine(indent);
                    else
                        Put(' ');
                    spaces = true;
                }
                else
                {
                    Put(value[i]);
                    spaces = false;
                }
            }
        }

        private void SingleQuoted(string value, bool allowBreaks, int indent)
        {
            Put('\'');
            var spaces = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < value.Length - 1 && value[i + 1] != ' ')
                        NewLine(indent);
                    else
                        Put(' ');
                    spaces = true;
                    continue;
                }
                if (c == '\'') Put('\'');
                Put(c);
                spaces = false;
            }
            Put('\'');
        }

        private void DoubleQuoted(string value, bool allowBreaks, int indent)
        {
            Put('"');
            var spaces = false;
            var runes = value.EnumerateRunes().ToArray();
            for (var i = 0; i < runes.Length; i++)
            {
                var c = runes[i].Value;
                if (!ScalarStyles.IsPrintable(c) || ScalarStyles.IsBreak(c) || c is '"' or '\\')
                {
                    Put(Escape(c));
                    spaces = false;
                }
                else if (c == ' ')
                {
                    if (allowBreaks && !spaces && _column > BestWidth && i > 0 && i < runes.Length - 1)
                    {
                        NewLine(indent);
                        if (runes[i + 1].Value == ' ') Put('\\');
                    }
                    else
                    {
                        Put(' ');
                    }
                    spaces = true;
                }
                else
                {
                    Put(runes[i].ToString());
                    spaces = false;
                }
            }
            Put('"');
        }

        private static string Escape(int c) => c switch
        {
            0 => "\\0", 7 => "\\a", 8 => "\\b", 9 => "\\t", 10 => "\\n", 11 => "\\v", 12 => "\\f", 13 => "\\r", 27 => "\\e",
            '"' => "\\\"", '\\' => "\\\\", 0x85 => "\\N", 0xA0 => "\\_", 0x2028 => "\\L", 0x2029 => "\\P",
            <= 0xFF => $"\\x{c:X2}",
            <= 0xFFFF => $"\\u{c:X4}",
            _ => $"\\U{c:X8}",
        };

        /// <summary>A block literal: "|", a "2" when the text starts with a space or break, and "-"/"+" for its final line breaks.</summary>
        private void Literal(string value, int indent)
        {
            Put('|');
            if (value[0] == ' ' || ScalarStyles.IsBreak(value[0])) Put('2');
            if (!ScalarStyles.IsBreak(value[^1])) Put('-');
            else if (value.Length == 1 || ScalarStyles.IsBreak(value[^2])) Put('+');
            Put('\n');
            var lineStart = true;
            foreach (var c in value)
            {
                if (ScalarStyles.IsBreak(c))
                {
                    Put('\n');
                    lineStart = true;
                    continue;
                }
                if (lineStart) Spaces(indent);
                lineStart = false;
                Put(c);
            }
            // The content ends with its own break unless chomped ("-"); the writer of the key adds the line's end.
            if (!lineStart) return;
            _text.Length--;
            _column = indent;
        }

        private void NewLine(int indent)
        {
            Put('\n');
            Spaces(indent);
        }

        private void Spaces(int count)
        {
            _text.Append(' ', count);
            _column += count;
        }

        private void Put(char c)
        {
            _text.Append(c);
            _column = c == '\n' ? 0 : _column + 1;
        }

        private void Put(string s)
        {
            foreach (var c in s) Put(c);
        }
    }
}
