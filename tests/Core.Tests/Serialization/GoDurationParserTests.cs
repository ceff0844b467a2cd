using Playground.Core.Serialization;

namespace Playground.Core.Tests.Serialization;

public sealed class GoDurationParserTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("250ms", 250)]
    [InlineData("-2s", -2_000)]
    [InlineData("0", 0)]
    public void Reads_what_time_ParseDuration_reads(string text, long milliseconds)
    {
        Assert.True(GoDurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("5 m")]
    [InlineData("1d")]
    [InlineData("h")]
    [InlineData("soon")]
    public void Refuses_what_time_ParseDuration_refuses(string text) => Assert.False(GoDurationParser.TryParse(text, out _));
}
