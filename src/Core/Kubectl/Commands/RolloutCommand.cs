using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout: status, history, undo and restart of Deployments, StatefulSets and DaemonSets; pause and resume of Deployments.</summary>
public sealed class RolloutCommand : Command
{
    public override string Name => "rollout";
    public override string Summary => "Manage the rollout of a resource";
    public override string Usage => "kubectl rollout SUBCOMMAND";
    public override bool Runnable => false;

    public override IReadOnlyList<Command> Subcommands { get; } =
    [
        new RolloutStatusCommand(), new RolloutHistoryCommand(), new RolloutUndoCommand(),
        new RolloutRestartCommand(), new RolloutPauseCommand(pause: true), new RolloutPauseCommand(pause: false),
    ];

    public override void Run(CommandContext context) { }

    internal static readonly Flag Selector = Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).");
}
