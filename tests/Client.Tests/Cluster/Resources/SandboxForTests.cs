using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Cluster.Resources;

/// <summary>A real simulated cluster driven by kubectl, and the page's model of it, as the resource browser sees both.</summary>
public sealed class SandboxForTests
{
    public SimulatedCluster Cluster { get; } = SimulatedCluster.Create(new ClusterOptions { Start = ClusterObjects.T0 });

    public LiveCluster Live { get; } = new();

    /// <summary>Runs a command and lets the control plane settle, then reloads the page's model.</summary>
    public SandboxForTests Do(string command)
    {
        var result = Cluster.Kubectl(command);
        Assert.True(result.ExitCode == 0, result.Output);
        Cluster.RunUntilIdle(TimeSpan.FromMinutes(2));
        Live.Load(new ClusterSnapshot(Cluster.Store.Revision, Cluster.Clock.Now, Cluster.Store.All().Select(r => r.Object).ToList()));
        return this;
    }

    public Task<KubectlResult> RunAsync(string command) => Task.FromResult(Cluster.Kubectl(command));

    public Task<IReadOnlyList<SchedulingAttemptRecord>> AttemptsAsync(string uid) =>
        Task.FromResult<IReadOnlyList<SchedulingAttemptRecord>>(Cluster.Components.OfType<Scheduler>().Single().Log.For(uid).Select(SchedulingAttemptRecord.From).ToList());

    public KubeObject Single(string kind, string namePrefix) => Assert.Single(Live.OfKind(kind), o => o.Metadata.Namespace == "default" && o.Metadata.Name!.StartsWith(namePrefix, StringComparison.Ordinal));
}
