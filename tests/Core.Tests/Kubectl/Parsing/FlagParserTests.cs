using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Tests.Kubectl.Parsing;

public class FlagParserTests
{
    private static readonly IReadOnlyList<Flag> Flags =
    [
        Flag.String("namespace", 'n', ""),
        Flag.String("output", 'o', ""),
        Flag.Bool("all-namespaces", 'A', ""),
        Flag.Bool("watch", 'w', ""),
        Flag.Int("replicas", 'r', "", 1),
        Flag.Strings("filename", 'f', ""),
    ];

    [Fact]
    public void Flags_may_come_anywhere_in_every_pflag_form()
    {
        var args = FlagParser.Parse(["pods", "-n", "demo", "web", "--output=wide", "-Aw", "--replicas", "3", "-fa.yaml,b.yaml", "-f=-"], Flags, "kubectl get");

        Assert.Equal(["pods", "web"], args.Positionals);
        Assert.Equal("demo", args.String("namespace"));
        Assert.Equal("wide", args.String("output"));
        Assert.True(args.Bool("all-namespaces"));
        Assert.True(args.Bool("watch"));
        Assert.Equal(3, args.Int("replicas"));
        Assert.Equal(["a.yaml", "b.yaml", "-"], args.Strings("filename"));
    }

    [Fact]
    public void Double_dash_ends_the_flags_and_underscores_read_as_dashes()
    {
        var args = FlagParser.Parse(["--all_namespaces=false", "--", "-n", "x"], Flags, "kubectl get");

        Assert.False(args.Bool("all-namespaces"));
        Assert.Equal(["-n", "x"], args.Positionals);
        Assert.False(args.IsSet("namespace"));
    }

    [Fact]
    public void Command_words_skip_flags_and_the_values_they_take()
    {
        Assert.Equal(["get", "pods"], FlagParser.CommandWords(["-n", "demo", "get", "--output", "wide", "pods", "-A"], Flags));
    }

    [Theory]
    [InlineData("--foo", "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.")]
    [InlineData("-x", "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.")]
    [InlineData("-n", "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.")]
    [InlineData("--namespace", "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.")]
    [InlineData("--replicas=abc", "error: invalid argument \"abc\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl get --help' for usage.")]
    [InlineData("--watch=maybe", "error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.")]
    public void Bad_flags_fail_with_pflag_wording(string arg, string message)
    {
        var error = Assert.Throws<KubectlException>(() => FlagParser.Parse(["pods", arg], Flags, "kubectl get"));

        Assert.Equal(message, error.Message);
    }
}
