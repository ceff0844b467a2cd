namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>
/// kubectl config: the terminal's kubeconfig, which has one context (the sandbox's); the namespace set on it is what
/// commands without -n use. The caller keeps the context between commands (<see cref="KubeconfigContext"/>).
/// </summary>
public sealed class ConfigCommand : Command
{
    public override string Name => "config";
    public override string Summary => "Modify kubeconfig files";
    public override string Usage => "kubectl config SUBCOMMAND";
    public override bool Runnable => false;

    public override IReadOnlyList<Command> Subcommands { get; } =
    [
        new CurrentContextCommand(), new GetContextsCommand(), new SetContextCommand(), new UseContextCommand(), new ConfigViewCommand(),
    ];

    public override void Run(CommandContext context) { }
}
