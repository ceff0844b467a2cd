using Playground.Client.Services;
using Playground.Core.Api.Core;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Completion;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Client.Tests.Cluster;

/// <summary>
/// The workspace's gateway over a real simulated cluster held in the test, as the server's sandbox runs it: clock
/// changes, steps, settles and faults are Core's own. Another sandbox id is refused as the server refuses a foreign one.
/// </summary>
public sealed class ClusterGateway(string sandboxId = "s1") : ISandboxGateway
{
    private double _speed = 1;

    public SimulatedCluster Cluster { get; } = SimulatedCluster.Create(new ClusterOptions { Start = ClusterObjects.T0 });

    /// <summary>When set, clock changes and faults wait for it, so a test can look at the page while one is under way.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>The pods and nodes as the workspace passes them to its components.</summary>
    public IReadOnlyCollection<Node> Nodes => Cluster.Api.List<Node>();

    public IReadOnlyCollection<Pod> Pods => Cluster.Api.List<Pod>();

    public KubectlResult Kubectl(string command)
    {
        var result = Cluster.Kubectl(command);
        Assert.True(result.ExitCode == 0, result.Output);
        return result;
    }

    public Task<bool> CanOpenAsync(string id) => Task.FromResult(id == sandboxId);

    public Task<SandboxAccess> AccessAsync(string id) => Task.FromResult(id == sandboxId ? SandboxAccess.Owner : SandboxAccess.None);

    public Task<ClockState> GetClockAsync(string id, CancellationToken cancellationToken = default)
    {
        Require(id);
        return Task.FromResult(State(null));
    }

    /// <summary>As the sandbox does it: a step pauses the clock and names its last write.</summary>
    public async Task<ClockState> ChangeClockAsync(string id, ClockChange change, CancellationToken cancellationToken = default)
    {
        Require(id);
        if (Hold is { } hold) await hold.Task;
        _speed = change.Speed ?? _speed;
        var paused = change.Step is not null || (change.Paused ?? Cluster.Paused);
        if (change.Advance is { } advance) Cluster.Advance(advance);
        var ran = change.Step is { } writes ? Cluster.Step(writes) : change.Settle ? Cluster.Settle() : null;
        var last = change.Step is not null && ran!.Writes > 0 ? Cluster.Store.History(Cluster.Store.Revision - 1)[0] : null;
        Cluster.Paused = paused;
        return State(ran is null ? null : ClockRun.From(ran, last));
    }

    public async Task<string> InjectFaultAsync(string id, Fault fault, CancellationToken cancellationToken = default)
    {
        Require(id);
        if (Hold is { } hold) await hold.Task;
        return Cluster.Inject(fault);
    }

    private ClockState State(ClockRun? ran) => new(Cluster.Clock.Now, _speed, Cluster.Paused, Cluster.Store.Revision, ran);

    private void Require(string id)
    {
        if (id != sandboxId) throw new UnauthorizedAccessException($"sandboxes \"{id}\" not found");
    }

    // The time controls and faults use none of these.
    public Task<KubectlResult> RunKubectlAsync(string id, string command, string? stdin = null, string? contextNamespace = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<KubectlCompletion> CompleteKubectlAsync(string id, string textBeforeCursor, string? contextNamespace = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<ClusterSnapshot> GetSnapshotAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<SchedulingAttemptRecord>> GetSchedulingAttemptsAsync(string id, string podUid, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public IDisposable Subscribe(string id, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites, Func<Task>? onGap = null, Func<SandboxStreamEnd, Task>? onEnded = null) =>
        throw new NotSupportedException();
}
