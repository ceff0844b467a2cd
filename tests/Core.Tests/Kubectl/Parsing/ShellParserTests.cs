using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Tests.Kubectl.Parsing;

public class ShellParserTests
{
    [Fact]
    public void Words_split_on_blanks_with_quotes_and_escapes_as_a_shell_reads_them()
    {
        var command = ShellParser.Parse("""kubectl  get pods -l 'app in (web, api)' --selector="tier=front end" a\ b "say \"hi\"" 'it''s'""");

        Assert.Equal("kubectl", command.Program);
        Assert.Equal(["get", "pods", "-l", "app in (web, api)", "--selector=tier=front end", "a b", "say \"hi\"", "its"], command.Args);
        Assert.Null(command.Stdin);
    }

    [Fact]
    public void A_heredoc_after_the_command_is_its_standard_input()
    {
        var command = ShellParser.Parse("kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nEOF\n");

        Assert.Equal(["apply", "-f", "-"], command.Args);
        Assert.Equal("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n", command.Stdin);
    }

    [Fact]
    public void Cat_heredoc_piped_into_kubectl_feeds_the_document_to_kubectl()
    {
        var command = ShellParser.Parse("cat <<'YAML' | kubectl apply -f -\nkind: Namespace\n  $HOME stays literal\nYAML");

        Assert.Equal("kubectl", command.Program);
        Assert.Equal(["apply", "-f", "-"], command.Args);
        Assert.Equal("kind: Namespace\n  $HOME stays literal\n", command.Stdin);
    }

    [Fact]
    public void A_dash_heredoc_strips_leading_tabs_and_a_missing_delimiter_ends_at_the_input_end()
    {
        var command = ShellParser.Parse("kubectl apply -f - <<-EOF\n\tkind: Namespace\n\tEOF");
        var unterminated = ShellParser.Parse("kubectl apply -f - <<EOF\nkind: Namespace");

        Assert.Equal("kind: Namespace\n", command.Stdin);
        Assert.Equal("kind: Namespace\n", unterminated.Stdin);
    }

    [Fact]
    public void Echo_piped_into_kubectl_and_here_strings_supply_stdin()
    {
        Assert.Equal("{\"kind\":\"Namespace\"}\n", ShellParser.Parse("echo '{\"kind\":\"Namespace\"}' | kubectl apply -f -").Stdin);
        Assert.Equal("kind: Namespace\n", ShellParser.Parse("kubectl apply -f - <<< 'kind: Namespace'").Stdin);
    }

    [Fact]
    public void Comments_and_line_continuations_are_shell_syntax_not_arguments()
    {
        var command = ShellParser.Parse("kubectl get \\\n  pods # all of them");

        Assert.Equal(["get", "pods"], command.Args);
    }

    [Theory]
    [InlineData("kubectl get pods 'oops", "bash: unexpected EOF while looking for matching `''")]
    [InlineData("kubectl get pods; kubectl get svc", "error: one command at a time, please: this terminal does not run ';', '&&' or '||'")]
    [InlineData("kubectl get pods > out.txt", "error: this terminal cannot write files; output redirection ('>') is not supported")]
    [InlineData("kubectl get pods | grep web", "error: this terminal pipes only \"cat <<EOF | kubectl ...\" and \"echo ... | kubectl ...\"")]
    [InlineData("kubectl apply -f - <", "error: this terminal has no files; give a manifest with a heredoc: kubectl apply -f - <<EOF")]
    public void What_the_terminal_cannot_do_is_refused_with_a_reason(string line, string message)
    {
        var error = Assert.Throws<KubectlException>(() => ShellParser.Parse(line));

        Assert.Equal(message, error.Message);
        Assert.Equal(2, error.ExitCode);
    }
}
