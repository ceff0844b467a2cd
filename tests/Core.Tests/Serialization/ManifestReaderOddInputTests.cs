using Playground.Core.Serialization;

namespace Playground.Core.Tests.Serialization;

/// <summary>Whatever a person pastes, the manifest reader answers with a message naming the line, never another exception or a crash.</summary>
public class ManifestReaderOddInputTests
{
    [Theory]
    [InlineData("a: *x", "line 1")]
    [InlineData("? [a]\n: b", "a key must be a plain value")]
    [InlineData("%YAML 2.0\n---\na: 1", "line 1")]
    [InlineData("a: [}", "line 1")]
    [InlineData("- a\n b: c", "line 2")]
    [InlineData("a: {b: 1, b: 2}", "line 1")]
    [InlineData("a: \"\\q\"", "line 1")]
    [InlineData("a: b: c", "line 1")]
    [InlineData("a: &x [*x]", "an alias refers to a value that contains it")]
    [InlineData("a: &x\n  b: *x", "an alias refers to a value that contains it")]
    public void Odd_yaml_is_refused_with_a_message_naming_the_line(string yaml, string expected)
    {
        var refused = Assert.Throws<ManifestException>(() => ManifestReader.Read(yaml));

        Assert.StartsWith("error converting YAML to JSON: ", refused.Message);
        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void Aliases_that_multiply_a_value_beyond_reason_are_refused()
    {
        // Each level repeats the one before ten times: 10^9 values if expanded.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));

        var refused = Assert.Throws<ManifestException>(() => ManifestReader.Read(yaml));

        Assert.Contains("excessive aliasing", refused.Message);
    }

    [Fact]
    public void Values_nested_too_deep_are_refused()
    {
        var yaml = "a: " + new string('[', 5000) + new string(']', 5000);

        var refused = Assert.Throws<ManifestException>(() => ManifestReader.Read(yaml));

        Assert.Contains("nest deeper than 100 levels", refused.Message);
    }

    [Fact]
    public void An_alias_to_an_earlier_value_is_read_as_a_copy()
    {
        var manifest = Assert.Single(ManifestReader.Read("a: &x {b: 1}\nc: *x"));

        Assert.Equal("""{"a":{"b":1},"c":{"b":1}}""", manifest.Node.ToJsonString());
    }
}
