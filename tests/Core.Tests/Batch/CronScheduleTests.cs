using Playground.Core.Controllers.CronJobs;

namespace Playground.Core.Tests.Batch;

/// <summary>The schedule parser against robfig/cron's standard parser: fields, names, descriptors and its error wording.</summary>
public class CronScheduleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 8, 59, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("*/15 9-17 * * MON-FRI", "2026-01-05T09:00:00Z")]
    [InlineData("0 0 1 JAN *", "2027-01-01T00:00:00Z")]
    [InlineData("30 8 * * sun", "2026-01-11T08:30:00Z")]
    [InlineData("5,10 * * * *", "2026-01-05T09:05:00Z")]
    [InlineData("@hourly", "2026-01-05T09:00:00Z")]
    [InlineData("@daily", "2026-01-06T00:00:00Z")]
    [InlineData("@weekly", "2026-01-11T00:00:00Z")]
    [InlineData("@monthly", "2026-02-01T00:00:00Z")]
    [InlineData("@yearly", "2027-01-01T00:00:00Z")]
    [InlineData("0 12 13 * FRI", "2026-01-09T12:00:00Z")]
    [InlineData("@every 90s", "2026-01-05T09:01:00Z")]
    public void Next_activation_follows_the_standard_cron_rules(string spec, string expected)
    {
        Assert.Null(CronSchedule.TryParse(spec, out var schedule));
        Assert.Equal(DateTimeOffset.Parse(expected), schedule!.Next(Monday, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_time_zone_shifts_the_activation()
    {
        Assert.Null(CronSchedule.TryParse("0 9 * * *", out var schedule));
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T14:00:00Z"), schedule!.Next(Monday, CronSchedule.FindZone("America/New_York")!));
    }

    [Theory]
    [InlineData("* * * *", "expected exactly 5 fields, found 4: [* * * *]")]
    [InlineData("60 * * * *", "end of range (60) above maximum (59): 60")]
    [InlineData("* * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("5-2 * * * *", "beginning of range (5) beyond end of range (2): 5-2")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("@fortnightly", "unrecognized descriptor: @fortnightly")]
    [InlineData("* * * * 7", "end of range (7) above maximum (6): 7")]
    public void Bad_schedules_are_refused_in_robfigs_words(string spec, string problem) =>
        Assert.Equal(problem, CronSchedule.TryParse(spec, out _));
}
