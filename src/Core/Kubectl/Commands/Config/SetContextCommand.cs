using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>
/// kubectl config set-context --current --namespace=dev: sets the namespace that commands without -n use. As kubectl,
/// it does not check that the namespace exists. The terminal has only its sandbox's context, so no other can be made.
/// </summary>
public sealed class SetContextCommand : Command
{
    public override string Name => "set-context";
    public override string Summary => "Set a context entry in kubeconfig";
    public override string Usage => "kubectl config set-context [NAME | --current] [--namespace=namespace]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("current", null, "Modify the current context"),
        // Declared here, it shadows the global --namespace, as kubectl's own flag of this command does.
        Flag.String("namespace", null, "namespace for the context entry in kubeconfig"),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args;
        var current = args.Bool("current");
        if (args.Positionals.Count > 1)
            throw KubectlException.Error($"Unexpected args: [{string.Join(' ', args.Positionals)}]");
        var name = args.Positionals.Count == 1 ? args.Positionals[0] : "";
        if (name.Length > 0 && current) throw KubectlException.Error("you cannot specify both a context name and --current");
        if (name.Length == 0 && !current) throw KubectlException.Error("you must specify a non-empty context name or --current");
        var kubeconfig = context.Kubeconfig;
        if (name.Length > 0 && name != kubeconfig.Name)
            throw KubectlException.Error($"this terminal has one context, \"{kubeconfig.Name}\": change it with --current, e.g. kubectl config set-context --current --namespace=dev");

        if (args.IsSet("namespace")) context.Kubeconfig = kubeconfig with { Namespace = args.String("namespace") ?? "" };
        context.WriteLine($"Context \"{kubeconfig.Name}\" modified.");
    }
}
