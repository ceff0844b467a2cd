namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>kubectl config use-context: the terminal's one context is the only one to switch to.</summary>
public sealed class UseContextCommand : Command
{
    public override string Name => "use-context";
    public override IReadOnlyList<string> Aliases { get; } = ["use"];
    public override string Summary => "Set the current-context in a kubeconfig file";
    public override string Usage => "kubectl config use-context CONTEXT_NAME";

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        if (args.Count != 1) throw KubectlException.Error($"Unexpected args: [{string.Join(' ', args)}]");
        if (args[0] != context.Kubeconfig.Name) throw KubectlException.Error($"no context exists with the name: \"{args[0]}\"");
        context.WriteLine($"Switched to context \"{args[0]}\".");
    }
}
