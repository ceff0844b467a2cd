namespace Playground.Core.Kubectl.Printers;

/// <summary>Ages as kubectl prints them (apimachinery's duration.HumanDuration): two or three significant figures.</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        // Up to a second in the future counts as now, to tolerate clock skew between machines.
        if (seconds < -1) return "<invalid>";
        if (seconds < 0) return "0s";
        if (seconds < 60 * 2) return $"{seconds}s";
        var minutes = seconds / 60;
        if (minutes < 10) return Pair(minutes, "m", seconds % 60, "s");
        if (minutes < 60 * 3) return $"{minutes}m";
        var hours = minutes / 60;
        if (hours < 8) return Pair(hours, "h", minutes % 60, "m");
        if (hours < 48) return $"{hours}h";
        var days = hours / 24;
        if (hours < 24 * 8) return Pair(days, "d", hours % 24, "h");
        if (hours < 24 * 365 * 2) return $"{days}d";
        var years = days / 365;
        if (hours < 24 * 365 * 8) return Pair(years, "y", days % 365, "d");
        return $"{years}y";
    }

    /// <summary>The age of something that happened at <paramref name="time"/>, or "&lt;unknown&gt;" when it has no time.</summary>
    public static string Since(DateTimeOffset? time, DateTimeOffset now) => time is { } t ? Format(now - t) : "<unknown>";

    private static string Pair(long major, string majorUnit, long minor, string minorUnit) =>
        minor == 0 ? $"{major}{majorUnit}" : $"{major}{majorUnit}{minor}{minorUnit}";
}
