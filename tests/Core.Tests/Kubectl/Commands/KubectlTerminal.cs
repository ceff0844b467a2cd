using Playground.Core.Kubectl;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>
/// A fresh simulated cluster with a terminal. Like the sandbox's terminal, a command runs and then only the work
/// due at once is done; <see cref="Settle"/> lets virtual time run until the cluster is idle. Like the browser's
/// terminal, it keeps the kubeconfig context's namespace from one command to the next.
/// </summary>
internal sealed class KubectlTerminal
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public SimulatedCluster Cluster { get; } = SimulatedCluster.Create(new ClusterOptions { Start = Start });

    public KubeconfigContext Context { get; private set; } = KubeconfigContext.Local;

    public KubectlResult Run(string commandLine)
    {
        var result = Cluster.Kubectl(commandLine, context: Context);
        Context = Context with { Namespace = result.Namespace! };
        return result;
    }

    /// <summary>Runs a command that must succeed and returns what it printed.</summary>
    public string Ok(string commandLine)
    {
        var result = Run(commandLine);
        Assert.True(result.ExitCode == 0, $"'{commandLine}' failed ({result.ExitCode}):\n{result.Output}");
        return result.Output;
    }

    public void Settle() => Cluster.RunUntilIdle();
}
