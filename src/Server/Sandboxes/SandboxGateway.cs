using Playground.Client.Services;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Completion;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Server.Sandboxes;

/// <summary>The workspace's way into a sandbox for one circuit; every call needs the visitor's cookie for that sandbox.</summary>
internal sealed class SandboxGateway(SandboxRegistry registry, VisitorCookies cookies, ILogger<SandboxGateway> logger) : ISandboxGateway
{
    public async Task<bool> CanOpenAsync(string sandboxId) => await OpenAsync(sandboxId, CancellationToken.None) is not null;

    public async Task<KubectlResult> RunKubectlAsync(string sandboxId, string command, CancellationToken cancellationToken = default)
    {
        var sandbox = await RequireAsync(sandboxId, cancellationToken);
        return await sandbox.RunAsync(c => c.Kubectl(command));
    }

    public async Task<KubectlResult> RunKubectlAsync(string sandboxId, string command, string stdin, CancellationToken cancellationToken = default)
    {
        var sandbox = await RequireAsync(sandboxId, cancellationToken);
        return await sandbox.RunAsync(c => c.Kubectl(command, stdin));
    }

    public async Task<KubectlCompletion> CompleteKubectlAsync(string sandboxId, string textBeforeCursor, CancellationToken cancellationToken = default)
    {
        var sandbox = await RequireAsync(sandboxId, cancellationToken);
        return await sandbox.RunAsync(c => KubectlCompleter.Complete(c.Api, textBeforeCursor));
    }

    public async Task<ClusterSnapshot> GetSnapshotAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        var sandbox = await RequireAsync(sandboxId, cancellationToken);
        return await sandbox.RunAsync(c => new ClusterSnapshot(c.Store.Revision, c.Clock.Now, c.Store.All().Select(r => r.Object).ToList()));
    }

    public async Task<ClockState> GetClockAsync(string sandboxId, CancellationToken cancellationToken = default) =>
        await (await RequireAsync(sandboxId, cancellationToken)).ClockAsync();

    public async Task<ClockState> ChangeClockAsync(string sandboxId, ClockChange change, CancellationToken cancellationToken = default) =>
        await (await RequireAsync(sandboxId, cancellationToken)).ChangeClockAsync(change);

    public async Task<string> InjectFaultAsync(string sandboxId, Fault fault, CancellationToken cancellationToken = default) =>
        await (await RequireAsync(sandboxId, cancellationToken)).RunAsync(c => c.Inject(fault));

    public async Task<IReadOnlyList<SchedulingAttemptRecord>> GetSchedulingAttemptsAsync(string sandboxId, string podUid, CancellationToken cancellationToken = default)
    {
        var sandbox = await RequireAsync(sandboxId, cancellationToken);
        // The verdicts are turned into records on the loop, so nothing the scheduler keeps is read from another thread.
        return await sandbox.RunAsync(c => c.Components.OfType<Scheduler>().SingleOrDefault()?.Log.For(podUid).Select(SchedulingAttemptRecord.From).ToList() ?? []);
    }

    /// <remarks><paramref name="onWrites"/> runs on a thread-pool thread, one batch at a time.</remarks>
    public IDisposable Subscribe(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites)
    {
        var stop = new CancellationTokenSource();
        _ = DeliverAsync(sandboxId, afterRevision, onWrites, stop.Token);
        return new Unsubscriber(stop);
    }

    private async Task DeliverAsync(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites, CancellationToken cancellationToken)
    {
        try
        {
            var sandbox = await RequireAsync(sandboxId, cancellationToken);
            using var subscription = await sandbox.SubscribeAsync(afterRevision);
            await foreach (var batch in subscription.Batches.ReadAllAsync(cancellationToken))
            {
                if (batch.Gap is { } gap)
                    logger.LogWarning("Sandbox {SandboxId}: writes {From} to {Oldest} are no longer in history", sandboxId, gap.From, gap.Oldest - 1);
                await onWrites(batch.Writes);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sandbox {SandboxId}: a workspace subscription ended", sandboxId);
        }
    }

    private Task<SandboxActor?> OpenAsync(string sandboxId, CancellationToken cancellationToken) =>
        registry.OpenAsync(sandboxId, cookies.TokenFor(sandboxId), cancellationToken);

    private async Task<SandboxActor> RequireAsync(string sandboxId, CancellationToken cancellationToken) =>
        await OpenAsync(sandboxId, cancellationToken)
        ?? throw new UnauthorizedAccessException($"sandboxes \"{sandboxId}\" not found");

    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
