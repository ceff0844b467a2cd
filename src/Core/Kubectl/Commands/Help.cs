using System.Text;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl's help texts, for the commands this terminal runs.</summary>
public static class Help
{
    /// <summary>Every command of real kubectl, so that a known but unsupported one gets a clear answer instead of "unknown command".</summary>
    public static readonly IReadOnlyList<string> KubectlCommands =
    [
        "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
        "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs", "attach",
        "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch", "replace", "wait",
        "kustomize", "label", "annotate", "completion", "api-resources", "api-versions", "config", "plugin", "version",
        "options", "help",
    ];

    public static string Root(IReadOnlyList<Command> commands)
    {
        var text = new StringBuilder();
        text.Append("kubectl controls the Kubernetes cluster manager.\n\n");
        text.Append(" Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n");
        foreach (var (title, names) in Groups)
        {
            var present = names.Select(n => commands.FirstOrDefault(c => c.Name == n)).OfType<Command>().ToList();
            if (present.Count == 0) continue;
            text.Append(title).Append(":\n");
            foreach (var command in present) text.Append($"  {command.Name,-15} {command.Summary}\n");
            text.Append('\n');
        }
        text.Append("Usage:\n  kubectl [flags] [options]\n\n");
        text.Append("Use \"kubectl <command> --help\" for more information about a given command.\n");
        return text.ToString();
    }

    public static string For(Command command, string path, IReadOnlyList<Flag> globalFlags)
    {
        var text = new StringBuilder();
        text.Append(command.Summary).Append(".\n\n");
        if (command.Subcommands.Count > 0)
        {
            text.Append("Available Commands:\n");
            foreach (var sub in command.Subcommands.OrderBy(s => s.Name, StringComparer.Ordinal))
                text.Append($"  {sub.Name,-13} {sub.Summary}\n");
            text.Append('\n');
        }
        var flags = command.Flags.Where(f => !globalFlags.Contains(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        if (flags.Count > 0)
        {
            text.Append("Options:\n");
            foreach (var flag in flags)
            {
                var names = flag.Shorthand is { } s ? $"-{s}, --{flag.Name}" : $"--{flag.Name}";
                text.Append($"    {names}={DefaultText(flag)}:\n\t{flag.Usage}\n\n");
            }
        }
        text.Append("Usage:\n  ").Append(command.Usage).Append(" [options]\n\n");
        if (command.Subcommands.Count > 0) text.Append($"Use \"{path} <command> --help\" for more information about a given command.\n");
        text.Append("Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
        return text.ToString();
    }

    private static string DefaultText(Flag flag) => flag.Type switch
    {
        FlagType.Bool or FlagType.Int => flag.Default ?? "",
        FlagType.StringSlice => "[]",
        _ => $"'{flag.Default}'",
    };

    /// <summary>cobra's suggestions: commands within two edits of the typo, or that start with it.</summary>
    public static IReadOnlyList<string> Suggestions(string typed) =>
        KubectlCommands.Where(c => c != "help" && (Distance(typed.ToLowerInvariant(), c) <= 2 || c.StartsWith(typed.ToLowerInvariant(), StringComparison.Ordinal))).ToList();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static readonly (string Title, string[] Names)[] Groups =
    [
        ("Basic Commands (Beginner)", ["create", "expose", "run", "set"]),
        ("Basic Commands (Intermediate)", ["explain", "get", "edit", "delete"]),
        ("Deploy Commands", ["rollout", "scale", "autoscale"]),
        ("Troubleshooting and Debugging Commands", ["describe", "logs", "events"]),
        ("Advanced Commands", ["apply", "patch", "replace"]),
        ("Settings Commands", ["label", "annotate"]),
        ("Other Commands", ["api-resources", "config", "version"]),
    ];
}
