namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>kubectl config current-context: the name of the context commands run in.</summary>
public sealed class CurrentContextCommand : Command
{
    public override string Name => "current-context";
    public override string Summary => "Display the current-context";
    public override string Usage => "kubectl config current-context";

    public override void Run(CommandContext context) => context.WriteLine(context.Kubeconfig.Name);
}
