using System.Globalization;

namespace Playground.Core.Kubelet;

/// <summary>Durations as Go's time.Duration.String() prints them in kubelet messages: "512ms", "1.234s", "1m20s", "5m0s".</summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero) return "0s";
        if (duration < TimeSpan.FromSeconds(1))
        {
            var ms = duration.TotalMilliseconds;
            return ms >= 1 ? $"{Trim(ms)}ms" : $"{Trim(duration.TotalMicroseconds)}µs";
        }
        var hours = (long)duration.TotalHours;
        var minutes = duration.Minutes;
        var seconds = duration.TotalSeconds - hours * 3600 - minutes * 60;
        var text = $"{Trim(seconds)}s";
        if (hours > 0) return $"{hours}h{minutes}m{text}";
        return minutes > 0 ? $"{minutes}m{text}" : text;
    }

    private static string Trim(double value) => Math.Round(value, 9).ToString("0.#########", CultureInfo.InvariantCulture);
}
