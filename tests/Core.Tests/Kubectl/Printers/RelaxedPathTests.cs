using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Tests.Kubectl.Printers;

public class RelaxedPathTests
{
    [Theory]
    [InlineData("metadata.name", "{.metadata.name}")]
    [InlineData(".metadata.name", "{.metadata.name}")]
    [InlineData("{metadata.name}", "{.metadata.name}")]
    [InlineData("{.status.startTime}", "{.status.startTime}")]
    public void Relaxed_paths_all_become_one_template(string expression, string expected) =>
        Assert.Equal(expected, JsonPath.Relaxed(expression));

    [Fact]
    public void A_path_with_stray_braces_is_refused() =>
        Assert.Equal("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
            Assert.Throws<KubectlException>(() => JsonPath.Relaxed("{.a}.b}")).Message);
}
