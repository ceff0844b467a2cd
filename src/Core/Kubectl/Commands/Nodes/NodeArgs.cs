using Playground.Core.Api.Core;
using Playground.Core.ApiServer;

namespace Playground.Core.Kubectl.Commands.Nodes;

/// <summary>The nodes cordon, uncordon and drain act on: the NODE arguments, or -l/--selector.</summary>
internal static class NodeArgs
{
    public static IReadOnlyList<Node> Find(CommandContext context, string use)
    {
        var names = context.Args.Positionals;
        var selector = context.Args.String("selector");
        if (names.Count == 0 && string.IsNullOrEmpty(selector)) throw KubectlException.Usage(context.Path, $"USAGE: {use} [flags]");
        if (names.Count == 0) return context.Api.List<Node>(null, selector!);
        return names.Select(name => context.Api.Get<Node>(null, name.StartsWith("node/", StringComparison.Ordinal) ? name[5..] : name)).ToList();
    }

    /// <summary>RunCordonOrUncordon: patches spec.unschedulable, or says the node already is so.</summary>
    public static void SetUnschedulable(CommandContext context, Node node, bool unschedulable)
    {
        var verb = unschedulable ? "cordoned" : "uncordoned";
        if ((node.Spec.Unschedulable ?? false) == unschedulable)
        {
            context.WriteLine($"node/{node.Metadata.Name} already {verb}");
            return;
        }
        node.Spec.Unschedulable = unschedulable ? true : null;
        context.Api.Update(node, WriteContext.Kubectl);
        context.WriteLine($"node/{node.Metadata.Name} {verb}");
    }
}
