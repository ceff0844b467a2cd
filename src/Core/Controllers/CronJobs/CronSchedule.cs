using System.Globalization;

namespace Playground.Core.Controllers.CronJobs;

/// <summary>
/// A schedule as robfig/cron's standard parser (the one the CronJob controller uses) reads it: five fields (minute,
/// hour, day of month, month, day of week) with *, ?, ranges, steps, lists and JAN/SUN names, or a descriptor
/// (@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every DURATION). Errors are robfig's wording.
/// </summary>
public sealed class CronSchedule
{
    private const ulong StarBit = 1UL << 63;

    private static readonly (int Min, int Max, string[]? Names)[] Bounds =
    [
        (0, 59, null),
        (0, 23, null),
        (1, 31, null),
        (1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (0, 6, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    private readonly ulong[] _fields;
    private readonly TimeSpan? _every;

    private CronSchedule(ulong[] fields, TimeSpan? every) => (_fields, _every) = (fields, every);

    /// <summary>Parses <paramref name="text"/>; returns the problem, or null with the schedule in <paramref name="schedule"/>.</summary>
    public static string? TryParse(string text, out CronSchedule? schedule)
    {
        schedule = null;
        var spec = text.Trim();
        if (spec.StartsWith('@')) return Descriptor(spec, out schedule);
        var fields = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return $"expected exactly 5 fields, found {fields.Length}: [{string.Join(' ', fields)}]";
        var bits = new ulong[5];
        for (var i = 0; i < 5; i++)
        {
            foreach (var expr in fields[i].Split(','))
            {
                if (Range(expr, Bounds[i], out var b) is { } problem) return problem;
                bits[i] |= b;
            }
        }
        schedule = new CronSchedule(bits, null);
        return null;
    }

    private static string? Descriptor(string spec, out CronSchedule? schedule)
    {
        schedule = null;
        var all = new ulong[5];
        for (var i = 0; i < 5; i++) all[i] = Bits(Bounds[i].Min, Bounds[i].Max, 1) | StarBit;
        ulong[] With(params (int Field, int Value)[] fixedValues)
        {
            var f = (ulong[])all.Clone();
            foreach (var (field, value) in fixedValues) f[field] = 1UL << value;
            return f;
        }
        ulong[]? fields = spec switch
        {
            "@yearly" or "@annually" => With((0, 0), (1, 0), (2, 1), (3, 1)),
            "@monthly" => With((0, 0), (1, 0), (2, 1)),
            "@weekly" => With((0, 0), (1, 0), (4, 0)),
            "@daily" or "@midnight" => With((0, 0), (1, 0)),
            "@hourly" => With((0, 0)),
            _ => null,
        };
        if (fields is not null)
        {
            // A fixed day of week with every day of month (or the reverse) must keep the star on the other field.
            if (spec == "@weekly") fields[2] |= StarBit;
            schedule = new CronSchedule(fields, null);
            return null;
        }
        const string every = "@every ";
        if (spec.StartsWith(every, StringComparison.Ordinal))
        {
            if (!Serialization.GoDurationParser.TryParse(spec[every.Length..], out var duration))
                return $"failed to parse duration {spec}: time: invalid duration \"{spec[every.Length..]}\"";
            schedule = new CronSchedule(all, duration < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Floor(duration.TotalSeconds)));
            return null;
        }
        return $"unrecognized descriptor: {spec}";
    }

    private static string? Range(string expr, (int Min, int Max, string[]? Names) bounds, out ulong bits)
    {
        bits = 0;
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleDigit = lowAndHigh.Length == 1;
        int start, end;
        ulong extra = 0;
        if (lowAndHigh[0] is "*" or "?")
        {
            (start, end, extra) = (bounds.Min, bounds.Max, StarBit);
        }
        else
        {
            if (Number(lowAndHigh[0], bounds.Names, out start) is { } p1) return p1;
            switch (lowAndHigh.Length)
            {
                case 1: end = start; break;
                case 2:
                    if (Number(lowAndHigh[1], bounds.Names, out end) is { } p2) return p2;
                    break;
                default: return $"too many hyphens: {expr}";
            }
        }
        int step;
        switch (rangeAndStep.Length)
        {
            case 1: step = 1; break;
            case 2:
                if (Number(rangeAndStep[1], null, out step) is { } p3) return p3;
                // "N/step" means N through the field's maximum.
                if (singleDigit) end = bounds.Max;
                if (step > 1) extra = 0;
                break;
            default: return $"too many slashes: {expr}";
        }
        if (start < bounds.Min) return $"beginning of range ({start}) below minimum ({bounds.Min}): {expr}";
        if (end > bounds.Max) return $"end of range ({end}) above maximum ({bounds.Max}): {expr}";
        if (start > end) return $"beginning of range ({start}) beyond end of range ({end}): {expr}";
        if (step == 0) return $"step of range should be a positive number: {expr}";
        bits = Bits(start, end, step) | extra;
        return null;
    }

    private static string? Number(string text, string[]? names, out int value)
    {
        if (names is not null && Array.IndexOf(names, text.ToLowerInvariant()) is var index and >= 0)
        {
            value = index + (names.Length == 12 ? 1 : 0);
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return $"failed to parse int from {text}: strconv.Atoi: parsing \"{text}\": invalid syntax";
        return value < 0 ? $"negative number ({value}) not allowed: {text}" : null;
    }

    private static ulong Bits(int min, int max, int step)
    {
        ulong bits = 0;
        for (var i = min; i <= max; i += step) bits |= 1UL << i;
        return bits;
    }

    /// <summary>The IANA zone a CronJob names, or null when unknown; no zone means the controller manager's own (UTC here).</summary>
    public static TimeZoneInfo? FindZone(string? name)
    {
        if (string.IsNullOrEmpty(name)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The first activation strictly after <paramref name="after"/>, or null when none within five years (robfig's limit).</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        if (_every is { } every)
        {
            // robfig's ConstantDelaySchedule rounds to the second and always runs at least a second later.
            var next = after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)) + every;
            return next;
        }
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0).AddMinutes(1);
        var limit = t.Year + 5;
        while (t.Year <= limit)
        {
            if (!Has(3, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1).AddMonths(1);
                continue;
            }
            if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
                continue;
            }
            if (!Has(1, t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
                continue;
            }
            if (!Has(0, t.Minute))
            {
                t = t.AddMinutes(1);
                continue;
            }
            return new DateTimeOffset(t, zone.GetUtcOffset(t)).ToUniversalTime();
        }
        return null;
    }

    private bool Has(int field, int value) => (_fields[field] & (1UL << value)) != 0;

    /// <summary>robfig's dayMatches: when either day field is a star both must match, otherwise either may.</summary>
    private bool DayMatches(DateTime t)
    {
        var dom = Has(2, t.Day);
        var dow = Has(4, (int)t.DayOfWeek);
        return (_fields[2] & StarBit) != 0 || (_fields[4] & StarBit) != 0 ? dom && dow : dom || dow;
    }
}
