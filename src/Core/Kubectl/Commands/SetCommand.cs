using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl set: only groups its sub-commands; bare, it prints its help.</summary>
public sealed class SetCommand : Command
{
    public override string Name => "set";
    public override string Summary => "Set specific features on objects";
    public override string Usage => "kubectl set SUBCOMMAND";
    public override bool Runnable => false;
    public override IReadOnlyList<Command> Subcommands { get; } = [new SetImageCommand()];
    public override void Run(CommandContext context) { }
}
