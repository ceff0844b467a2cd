using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands.Nodes;

/// <summary>kubectl cordon NODE: marks the node unschedulable.</summary>
public sealed class CordonCommand : Command
{
    public override string Name => "cordon";
    public override string Summary => "Mark node as unschedulable";
    public override string Usage => "kubectl cordon NODE [flags]";
    public override IReadOnlyList<Flag> Flags { get; } = [Selector];

    internal static readonly Flag Selector = Flag.String("selector", 'l', "Selector (label query) to filter on");

    public override void Run(CommandContext context)
    {
        foreach (var node in NodeArgs.Find(context, "cordon NODE")) NodeArgs.SetUnschedulable(context, node, true);
    }
}

/// <summary>kubectl uncordon NODE: marks the node schedulable again.</summary>
public sealed class UncordonCommand : Command
{
    public override string Name => "uncordon";
    public override string Summary => "Mark node as schedulable";
    public override string Usage => "kubectl uncordon NODE [flags]";
    public override IReadOnlyList<Flag> Flags { get; } = [CordonCommand.Selector];

    public override void Run(CommandContext context)
    {
        foreach (var node in NodeArgs.Find(context, "uncordon NODE")) NodeArgs.SetUnschedulable(context, node, false);
    }
}
