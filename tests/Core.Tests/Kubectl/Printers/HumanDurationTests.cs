using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Tests.Kubectl.Printers;

public class HumanDurationTests
{
    [Theory]
    [InlineData(-5, "<invalid>")]
    [InlineData(-1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(150, "2m30s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(179 * 60 + 59, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 10 * 60, "3h10m")]
    [InlineData(8 * 3600 + 30 * 60, "8h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(2 * 86400 + 5 * 3600, "2d5h")]
    [InlineData(8 * 86400 + 5 * 3600, "8d")]
    [InlineData(729 * 86400, "729d")]
    [InlineData(731 * 86400, "2y1d")]
    [InlineData(9 * 365 * 86400L, "9y")]
    public void Ages_have_two_or_three_significant_figures(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_missing_time_is_unknown() => Assert.Equal("<unknown>", HumanDuration.Since(null, DateTimeOffset.UnixEpoch));
}
