using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl version: this terminal's kubectl and the simulated control plane are all the kubelets' Kubernetes release.</summary>
public sealed class VersionCommand : Command
{
    public const string KubectlVersion = Kubelet.NodeIdentity.KubeletVersion;
    public const string KustomizeVersion = "v5.5.0";

    public override string Name => "version";
    public override string Summary => "Print the client and server version information";
    public override string Usage => "kubectl version [flags]";
    public override IReadOnlyList<Flag> Flags { get; } = [Flag.Bool("client", null, "If true, shows client version only (no server required).")];

    public override void Run(CommandContext context)
    {
        context.WriteLine($"Client Version: {KubectlVersion}");
        context.WriteLine($"Kustomize Version: {KustomizeVersion}");
        if (!context.Args.Bool("client")) context.WriteLine($"Server Version: {KubectlVersion}");
    }
}
