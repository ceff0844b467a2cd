using System.Globalization;
using System.Text.RegularExpressions;

namespace Playground.Core.Api.Meta;

/// <summary>Resource quantities such as "250m", "2", "128Mi" or "1G", parsed to exact decimals.</summary>
public static partial class Quantity
{
    private static readonly Dictionary<string, decimal> Suffixes = new()
    {
        [""] = 1, ["n"] = 1e-9m, ["u"] = 1e-6m, ["m"] = 1e-3m,
        ["k"] = 1e3m, ["M"] = 1e6m, ["G"] = 1e9m, ["T"] = 1e12m, ["P"] = 1e15m, ["E"] = 1e18m,
        ["Ki"] = 1024m, ["Mi"] = 1024m * 1024, ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024, ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
    };

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success) return false;
        if (!decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return false;
        var suffix = match.Groups[2].Value;
        if (suffix.StartsWith('e') || suffix.StartsWith('E'))
        {
            if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)) return false;
            value = number * (decimal)Math.Pow(10, exponent);
            return true;
        }
        if (!Suffixes.TryGetValue(suffix, out var scale)) return false;
        value = number * scale;
        return true;
    }

    public static decimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");

    /// <summary>CPU in millicores, rounded up as upstream's MilliValue does.</summary>
    public static long MilliCpu(string? text) => text is null ? 0 : (long)Math.Ceiling(Parse(text) * 1000);

    public static long Bytes(string? text) => text is null ? 0 : (long)Math.Ceiling(Parse(text));

    [GeneratedRegex(@"^([+-]?[0-9]*\.?[0-9]+)([eE][-+]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|)$")]
    private static partial Regex Pattern();
}
