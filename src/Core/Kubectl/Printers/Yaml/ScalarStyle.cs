using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Playground.Core.Kubectl.Printers.Yaml;

public enum ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal }

/// <summary>
/// How go-yaml v2 chooses to write a string: plain unless it would read back as another type (then double quotes),
/// literal block for several lines, and the emitter's own downgrades when indicators or odd spacing forbid a style.
/// </summary>
public static partial class ScalarStyles
{
    public static ScalarStyle Choose(string value, bool isKey)
    {
        var style = value.Contains('\n') ? ScalarStyle.Literal
            : ReadsAsString(value) && !Base60Float().IsMatch(value) ? ScalarStyle.Plain
            : ScalarStyle.DoubleQuoted;
        var analysis = Analysis.Of(value);
        if (isKey && analysis.Multiline) return ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.Plain && (!analysis.BlockPlainAllowed || (value.Length == 0 && isKey)))
            style = ScalarStyle.SingleQuoted;
        if (style == ScalarStyle.SingleQuoted && !analysis.SingleQuotedAllowed)
            style = ScalarStyle.DoubleQuoted;
        if (style == ScalarStyle.Literal && (!analysis.BlockAllowed || isKey))
            style = ScalarStyle.DoubleQuoted;
        return style;
    }

    /// <summary>Whether a plain scalar with this text resolves to a string (go-yaml v2's resolve()).</summary>
    public static bool ReadsAsString(string value)
    {
        if (value.Length == 0) return false;
        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
            case "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO":
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
            case "on" or "On" or "ON" or "off" or "Off" or "OFF":
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
            case ".nan" or ".NaN" or ".NAN" or "<<":
                return false;
        }
        var first = value[0];
        if (first == '.') return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (first is not ('+' or '-' or (>= '0' and <= '9'))) return true;
        if (char.IsAsciiDigit(first) && Timestamp().IsMatch(value)) return false;
        var plain = value.Replace("_", "");
        if (GoInteger().IsMatch(plain)) return false;
        if (YamlFloat().IsMatch(plain)) return false;
        return !BinaryInteger().IsMatch(plain);
    }

    /// <summary>What yaml_emitter_analyze_scalar learns about a value: which styles can carry it.</summary>
    private readonly record struct Analysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
    {
        public static Analysis Of(string value)
        {
            if (value.Length == 0) return new Analysis(false, true, true, false);
            var runes = value.EnumerateRunes().ToArray();
            bool blockIndicators = false, lineBreaks = false, special = false;
            bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, breakSpace = false, spaceBreak = false;
            bool previousSpace = false, previousBreak = false, precededByWhitespace = true;
            if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal)) blockIndicators = true;
            for (var i = 0; i < runes.Length; i++)
            {
                var c = runes[i].Value;
                var followedByWhitespace = i + 1 >= runes.Length || runes[i + 1].Value is ' ' or '\t' || IsBreak(runes[i + 1].Value);
                if (i == 0)
                {
                    if (c is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
                        blockIndicators = true;
                    else if (c is '?' or ':' or '-' && followedByWhitespace)
                        blockIndicators = true;
                }
                else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace))
                    blockIndicators = true;

                if (!IsPrintable(c)) special = true;
                if (c == ' ')
                {
                    if (i == 0) leadingSpace = true;
                    if (i == runes.Length - 1) trailingSpace = true;
                    if (previousBreak) breakSpace = true;
                    previousSpace = true;
                    previousBreak = false;
                }
                else if (IsBreak(c))
                {
                    lineBreaks = true;
                    if (i == 0) leadingBreak = true;
                    if (i == runes.Length - 1) trailingBreak = true;
                    if (previousSpace) spaceBreak = true;
                    previousSpace = false;
                    previousBreak = true;
                }
                else
                {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = c is ' ' or '\t' || IsBreak(c);
            }

            var blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
            var singleQuoted = !(breakSpace || spaceBreak || special);
            var block = !(trailingSpace || spaceBreak || special);
            return new Analysis(lineBreaks, blockPlain, singleQuoted, block);
        }
    }

    public static bool IsBreak(int c) => c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

    /// <summary>YAML's printable set as go-yaml checks it; tabs and characters beyond the BMP are not in it.</summary>
    public static bool IsPrintable(int c) =>
        c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]*)?(([ \t]*)(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$")]
    private static partial Regex Timestamp();

    /// <summary>Go's strconv.ParseInt/ParseUint with base 0: decimal, 0x, 0o, 0b and leading-zero octal.</summary>
    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$")]
    private static partial Regex GoInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^-?0b[01]+$")]
    private static partial Regex BinaryInteger();
}
