using System.Globalization;

namespace Playground.Core.Serialization;

/// <summary>Reads durations as Go's time.ParseDuration does: "90s", "1.5h", "1h30m", "250ms"; units ns, us, µs, ms, s, m, h.</summary>
public static class GoDurationParser
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", TimeSpan.TicksPerMillisecond / 1e6), ("us", TimeSpan.TicksPerMillisecond / 1e3), ("µs", TimeSpan.TicksPerMillisecond / 1e3),
        ("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var rest = text.AsSpan();
        var negative = rest[0] == '-';
        if (rest[0] is '-' or '+') rest = rest[1..];
        if (rest is "0") return true;
        if (rest.IsEmpty) return false;

        double ticks = 0;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.')) digits++;
            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
            rest = rest[digits..];
            var unitLength = 0;
            while (unitLength < rest.Length && !char.IsAsciiDigit(rest[unitLength]) && rest[unitLength] != '.') unitLength++;
            var unit = rest[..unitLength].ToString();
            var match = Array.FindIndex(Units, u => u.Unit == unit);
            if (match < 0) return false;
            ticks += value * Units[match].Ticks;
            rest = rest[unitLength..];
        }
        if (ticks > TimeSpan.MaxValue.Ticks) return false;
        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }
}
