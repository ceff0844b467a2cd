using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>Finds the command a line names (as cobra does, skipping flags), parses its flags and runs it.</summary>
public static class Dispatcher
{
    /// <summary>kubectl's global flags that matter here; the connection ones are accepted and have nothing to change.</summary>
    public static readonly IReadOnlyList<Flag> GlobalFlags =
    [
        Flag.String("namespace", 'n', "If present, the namespace scope for this CLI request"),
        Flag.String("context", null, "The name of the kubeconfig context to use"),
        Flag.String("kubeconfig", null, "Path to the kubeconfig file to use for CLI requests."),
        Flag.String("request-timeout", null, "The length of time to wait before giving up on a single server request.", "0"),
        Flag.String("v", 'v', "number for the log level verbosity", "0"),
    ];

    public static readonly IReadOnlyList<Command> Commands =
    [
        new GetCommand(), new DescribeCommand(), new CreateCommand(), new RunCommand(), new ApplyCommand(), new DeleteCommand(),
        new ScaleCommand(), new SetCommand(), new RolloutCommand(), new LogsCommand(), new VersionCommand(),
        new ApiResourcesCommand(), new ApiVersionsCommand(),
        new AutoscaleCommand(), new TopCommand(),
        new ExecCommand(), new ExposeCommand(),
        new LabelCommand(), new AnnotateCommand(), new PatchCommand(), new EditCommand(),
        new Nodes.CordonCommand(), new Nodes.UncordonCommand(), new Nodes.DrainCommand(), new Nodes.TaintCommand(),
        new Config.ConfigCommand(),
    ];

    /// <returns>What the command printed; its <see cref="KubectlResult.Namespace"/> is set when the command ran (the context's namespace after it).</returns>
    public static KubectlResult Run(ApiServer.ApiServer api, IReadOnlyList<string> args, string? stdin, KubeconfigContext kubeconfig)
    {
        var words = FlagParser.CommandWords(args, GlobalFlags).ToList();
        if (words.Count == 0 || words[0] == "help")
            return HelpFor(words.Skip(1).ToList());
        var command = Commands.FirstOrDefault(c => c.IsCalled(words[0]));
        if (command is null) return Unknown(words[0]);

        var rest = Without(args, words[0]);
        var path = $"kubectl {command.Name}";
        if (command.Subcommands.Count > 0)
        {
            var subWords = FlagParser.CommandWords(rest, [.. GlobalFlags, .. command.Flags]).ToList();
            var sub = subWords.Count > 0 ? command.Subcommands.FirstOrDefault(s => s.IsCalled(subWords[0])) : null;
            if (sub is not null)
            {
                rest = Without(rest, subWords[0]);
                path = $"{path} {sub.Name}";
                command = sub;
            }
            else if (!command.Runnable)
            {
                return subWords.Count == 0
                    ? new KubectlResult(1, Help.For(command, path, GlobalFlags))
                    : new KubectlResult(1, $"error: unknown command \"{subWords[0]}\"\nSee '{path} -h' for help and examples\n");
            }
        }
        if (WantsHelp(rest)) return new KubectlResult(0, Help.For(command, path, GlobalFlags));

        var flags = command.Flags.Concat(GlobalFlags).ToList();
        CommandContext? context = null;
        try
        {
            context = new CommandContext(api, FlagParser.Parse(rest, flags, path), stdin, path, kubeconfig);
            command.Run(context);
        }
        catch (KubectlException e)
        {
            return new KubectlResult(e.ExitCode, (context?.Output ?? "") + e.Message + "\n");
        }
        catch (ApiException e)
        {
            context!.Error(e);
        }
        return new KubectlResult(context.Failed ? 1 : 0, context.Output, context.Kubeconfig.Namespace);
    }

    private static KubectlResult HelpFor(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return new KubectlResult(0, Help.Root(Commands));
        var command = Commands.FirstOrDefault(c => c.IsCalled(words[0]));
        if (command is null) return Unknown(words[0]);
        var path = $"kubectl {command.Name}";
        if (words.Count > 1 && command.Subcommands.FirstOrDefault(s => s.IsCalled(words[1])) is { } sub)
            return new KubectlResult(0, Help.For(sub, $"{path} {sub.Name}", GlobalFlags));
        return new KubectlResult(0, Help.For(command, path, GlobalFlags));
    }

    private static KubectlResult Unknown(string word)
    {
        if (Help.KubectlCommands.Contains(word))
            return new KubectlResult(1, $"error: \"kubectl {word}\" is not available in this playground; it runs {string.Join(", ", Commands.Select(c => c.Name))}\n");
        var suggestions = Help.Suggestions(word);
        var hint = suggestions.Count == 0 ? "" : "\n\nDid you mean this?\n" + string.Concat(suggestions.Select(s => $"\t{s}\n"));
        return new KubectlResult(1, $"error: unknown command \"{word}\" for \"kubectl\"{hint}\nRun 'kubectl --help' for usage.\n");
    }

    private static bool WantsHelp(IReadOnlyList<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => a is "--help" or "-h");

    /// <summary>The arguments without the first occurrence of a command word.</summary>
    private static List<string> Without(IReadOnlyList<string> args, string word)
    {
        var list = args.ToList();
        list.RemoveAt(list.IndexOf(word));
        return list;
    }
}
