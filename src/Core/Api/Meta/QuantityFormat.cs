namespace Playground.Core.Api.Meta;

public static partial class Quantity
{
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    private static readonly string[] DecimalSuffixes = ["", "k", "M", "G", "T", "P", "E"];

    /// <summary>A value in canonical form as upstream's Quantity.String() gives it: "300m", "2", "192Mi", "1k".</summary>
    public static string Format(decimal value, bool binary = false)
    {
        if (value != decimal.Truncate(value))
        {
            var milli = value * 1000;
            return milli == decimal.Truncate(milli) ? $"{milli:0}m" : $"{Math.Ceiling(value * 1_000_000_000):0}n";
        }
        var (step, suffixes) = binary ? (1024m, BinarySuffixes) : (1000m, DecimalSuffixes);
        var i = 0;
        while (value != 0 && i < suffixes.Length - 1 && value % step == 0) { value /= step; i++; }
        return $"{value:0}{suffixes[i]}";
    }

    /// <summary>Whether a quantity was written with a binary (Ki, Mi, …) suffix, so sums keep that form.</summary>
    public static bool IsBinary(string? text) => text is not null && text.EndsWith('i');
}
