using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Commands.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Completion;

/// <summary>
/// The terminal's Tab, as kubectl's bash completion does it: verbs from the command tree, resource kinds from the
/// registry, object names from the live cluster (in the namespace -n names), flag names and some flag values.
/// </summary>
public static class KubectlCompleter
{
    /// <summary>What the terminal itself runs besides kubectl.</summary>
    private static readonly string[] Programs = ["clear", "kubectl"];

    /// <summary>The -o formats the printers support; the two with "=" still need their template.</summary>
    private static readonly string[] OutputFormats = ["custom-columns=", "json", "jsonpath=", "name", "wide", "yaml"];

    private enum Arguments { None, Resources, Pods, Nodes }

    /// <param name="textBeforeCursor">The command line up to the cursor; the word being completed is its last word.</param>
    /// <param name="contextNamespace">The kubeconfig context's namespace, where names come from when the line has no -n ("default" when null or empty).</param>
    public static KubectlCompletion Complete(ApiServer.ApiServer api, string textBeforeCursor, string? contextNamespace = null)
    {
        var words = LineWords.Split(textBeforeCursor);
        if (words is null) return KubectlCompletion.None("");
        var word = words[^1];
        if (words.Count == 1) return Match(word, Programs);
        if (words[0] is not ("kubectl" or "k")) return KubectlCompletion.None(word);

        var typed = TypedCommand.Read(words.Skip(1).Take(words.Count - 2).ToList());
        if (typed.Unknown || typed.AfterDashes) return KubectlCompletion.None(word);
        var cluster = new ClusterNames(api, typed, string.IsNullOrEmpty(contextNamespace) ? KubeconfigContext.DefaultNamespace : contextNamespace);
        if (typed.AwaitedFlag is { } flag) return Match(word, FlagValues(flag, cluster));
        if (word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is > 2 and var eq)
        {
            var named = TypedCommand.Find(typed.Flags, word[2..eq]);
            var prefix = word[..(eq + 1)];
            return named is null ? KubectlCompletion.None(word) : Match(word, FlagValues(named, cluster).Select(v => prefix + v));
        }
        if (word.StartsWith('-')) return Match(word, typed.Flags.Select(f => $"--{f.Name}"));

        if (typed.Command is not { } command)
            return Match(word, Dispatcher.Commands.Select(c => c.Name).Append("help"));
        if (command.Subcommands.Count > 0 && !typed.SubcommandChosen && typed.Positionals.Count == 0)
            return Match(word, command.Subcommands.Select(s => s.Name));

        return ArgumentsOf(command) switch
        {
            Arguments.Resources => Resources(word, typed, cluster),
            Arguments.Pods when typed.Positionals.Count == 0 => word.Contains('/') ? KindSlashName(word, cluster) : Match(word, cluster.Names(api.Resources.For<Pod>())),
            Arguments.Nodes => Match(word, cluster.Names(api.Resources.For<Node>())),
            _ => KubectlCompletion.None(word),
        };
    }

    /// <summary>TYPE then NAMEs, or TYPE/NAME words, as get, describe, delete and their kin take.</summary>
    private static KubectlCompletion Resources(string word, TypedCommand typed, ClusterNames cluster)
    {
        if (word.Contains('/')) return KindSlashName(word, cluster);
        var kind = typed.Positionals.FirstOrDefault();
        if (kind is null) return Kinds(word, cluster.Registry);
        // "TYPE/NAME" words are followed by more of their kind; a list of kinds ("pods,svc") names no one kind.
        if (kind.Contains('/')) return KubectlCompletion.None(word);
        return cluster.Registry.Resolve(kind) is { } type ? Match(word, cluster.Names(type)) : KubectlCompletion.None(word);
    }

    /// <summary>Plural names, as kubectl's completion lists them; short and singular names only when no plural fits.</summary>
    private static KubectlCompletion Kinds(string word, ResourceRegistry registry)
    {
        var plurals = Match(word, registry.All.Select(t => t.Plural));
        return plurals.Candidates.Count > 0 ? plurals : Match(word, registry.All.SelectMany(t => t.ShortNames.Append(t.Singular)));
    }

    private static KubectlCompletion KindSlashName(string word, ClusterNames cluster)
    {
        var slash = word.IndexOf('/');
        var kind = word[..slash];
        return cluster.Registry.Resolve(kind) is { } type
            ? Match(word, cluster.Names(type).Select(n => $"{kind}/{n}"))
            : KubectlCompletion.None(word);
    }

    private static IEnumerable<string> FlagValues(Flag flag, ClusterNames cluster) => flag.Name switch
    {
        "namespace" => cluster.Names(cluster.Registry.For<Namespace>()),
        "output" => OutputFormats,
        _ => [],
    };

    private static Arguments ArgumentsOf(Command command) => command switch
    {
        LogsCommand or ExecCommand or TopPodCommand => Arguments.Pods,
        CordonCommand or UncordonCommand or DrainCommand or TopNodeCommand => Arguments.Nodes,
        GetCommand or DescribeCommand or DeleteCommand or EditCommand or PatchCommand or MetadataMapCommand or ScaleCommand
            or AutoscaleCommand or ExposeCommand or SetImageCommand or TaintCommand
            or RolloutStatusCommand or RolloutHistoryCommand or RolloutUndoCommand or RolloutRestartCommand or RolloutPauseCommand => Arguments.Resources,
        _ => Arguments.None,
    };

    private static KubectlCompletion Match(string word, IEnumerable<string> candidates) =>
        new(word, candidates.Where(c => c.StartsWith(word, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>Object names in the cluster, in the namespace the command line names (-n, else the context's; -A: every one).</summary>
    private sealed class ClusterNames(ApiServer.ApiServer api, TypedCommand typed, string contextNamespace)
    {
        public ResourceRegistry Registry => api.Resources;

        public IEnumerable<string> Names(ResourceType type)
        {
            var allNamespaces = typed.Value("all-namespaces") is "true";
            var ns = !type.Namespaced || allNamespaces ? null : typed.Value("namespace") is { Length: > 0 } given ? given : contextNamespace;
            return api.List(type, ns).Select(o => o.Metadata.Name ?? "");
        }
    }
}
