using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Server.Sandboxes;

/// <summary>
/// The kubectl a view link allows: commands that only read the cluster (or the terminal's own settings). Anything
/// else is refused before it runs, with a message that says why, as a read-only RBAC role would refuse it.
/// </summary>
public static class ReadOnlyKubectl
{
    /// <summary>Verbs (and "verb subverb"s) that never write; names not in the engine are left for it to call unknown.</summary>
    private static readonly HashSet<string> Reads =
    [
        "get", "describe", "logs", "top", "explain", "api-resources", "api-versions", "events", "version", "cluster-info",
        "config", "completion", "auth", "wait", "rollout status", "rollout history",
    ];

    /// <summary>Null when <paramref name="commandLine"/> only reads; otherwise what kubectl answers instead of running it.</summary>
    public static KubectlResult? Refusal(string sandboxId, string commandLine)
    {
        ShellCommand shell;
        try
        {
            shell = ShellParser.Parse(commandLine);
        }
        catch (KubectlException)
        {
            // The engine prints the same error for the line, and a line it cannot parse changes nothing.
            return null;
        }
        if (shell.Program is not ("kubectl" or "k")) return null;
        var words = FlagParser.CommandWords(shell.Args, Dispatcher.GlobalFlags).ToList();
        if (words.Count == 0 || words[0] == "help") return null;
        var command = Dispatcher.Commands.FirstOrDefault(c => c.IsCalled(words[0]));
        if (command is null) return null;

        var name = command.Name;
        if (command.Subcommands.Count > 0 && words.Count > 1 && command.Subcommands.FirstOrDefault(s => s.IsCalled(words[1])) is { } sub)
            name = $"{name} {sub.Name}";
        if (Reads.Contains(name) || Reads.Contains(command.Name)) return null;
        var why = name == "exec" ? "runs commands in a container" : "changes the cluster";
        return new KubectlResult(1, $"error: this is a read-only view of sandbox {sandboxId}: kubectl {name} {why} and is not allowed here\n");
    }
}
