using Playground.Client.Services;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Completion;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Server.KubeApi;
using Playground.Server.RateLimits;
using Playground.Server.Sharing;

namespace Playground.Server.Sandboxes;

/// <summary>
/// The workspace's way into a sandbox for one circuit. Every call checks the visitor's cookies again: the owner may do
/// everything, a view link's holder only reads (kubectl writes are refused with kubectl's own kind of message).
/// </summary>
internal sealed class SandboxGateway(
    SandboxAccessControl access, VisitorCookies cookies, ShareRevocations revocations, KubeApiAddress address, TenantRateLimiter limiter,
    ILogger<SandboxGateway> logger)
    : ISandboxGateway
{
    public async Task<bool> CanOpenAsync(string sandboxId) => await AccessAsync(sandboxId) != SandboxAccess.None;

    public async Task<SandboxAccess> AccessAsync(string sandboxId) => (await access.ResolveAsync(sandboxId, cookies.For(sandboxId))).Access;

    /// <remarks>Draws on the same bucket as the caller's HTTP requests, so the terminal is no way around the rate limit.</remarks>
    public async Task<KubectlResult> RunKubectlAsync(string sandboxId, string command, string? stdin = null, string? contextNamespace = null, CancellationToken cancellationToken = default)
    {
        // What kubectl prints once it gives up on a 429.
        if (!limiter.TryAcquire(sandboxId, cookies.For(sandboxId), cookies.Address))
            return new KubectlResult(1, $"Error from server (TooManyRequests): {RateLimitsExtensions.TooMany(limiter.Limits)}\n");
        var grant = await RequireAsync(sandboxId, cancellationToken);
        if (ReadOnly(grant, command) is { } refused) return refused;
        var context = KubeconfigContext.ForSandbox(sandboxId, address.For(sandboxId), contextNamespace);
        return await grant.Sandbox.RunAsync(c => c.Kubectl(command, stdin, context));
    }

    public async Task<KubectlCompletion> CompleteKubectlAsync(string sandboxId, string textBeforeCursor, string? contextNamespace = null, CancellationToken cancellationToken = default)
    {
        var sandbox = (await RequireAsync(sandboxId, cancellationToken)).Sandbox;
        return await sandbox.RunAsync(c => KubectlCompleter.Complete(c.Api, textBeforeCursor, contextNamespace));
    }

    public async Task<ClusterSnapshot> GetSnapshotAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        var sandbox = (await RequireAsync(sandboxId, cancellationToken)).Sandbox;
        return await sandbox.RunAsync(c => new ClusterSnapshot(c.Store.Revision, c.Clock.Now, c.Store.All().Select(r => r.Object).ToList()));
    }

    public async Task<ClockState> GetClockAsync(string sandboxId, CancellationToken cancellationToken = default) =>
        await (await RequireAsync(sandboxId, cancellationToken)).Sandbox.ClockAsync();

    public async Task<ClockState> ChangeClockAsync(string sandboxId, ClockChange change, CancellationToken cancellationToken = default) =>
        await (await RequireOwnerAsync(sandboxId, "changing its clock", cancellationToken)).ChangeClockAsync(change);

    public async Task<string> InjectFaultAsync(string sandboxId, Fault fault, CancellationToken cancellationToken = default) =>
        await (await RequireOwnerAsync(sandboxId, "injecting faults", cancellationToken)).RunAsync(c => c.Inject(fault));

    public async Task<IReadOnlyList<SchedulingAttemptRecord>> GetSchedulingAttemptsAsync(string sandboxId, string podUid, CancellationToken cancellationToken = default)
    {
        var sandbox = (await RequireAsync(sandboxId, cancellationToken)).Sandbox;
        // The verdicts are turned into records on the loop, so nothing the scheduler keeps is read from another thread.
        return await sandbox.RunAsync(c => c.Components.OfType<Scheduler>().SingleOrDefault()?.Log.For(podUid).Select(SchedulingAttemptRecord.From).ToList() ?? []);
    }

    /// <remarks><paramref name="onWrites"/> runs on a thread-pool thread, one batch at a time.</remarks>
    public IDisposable Subscribe(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites, Func<Task>? onGap = null,
        Func<SandboxStreamEnd, Task>? onEnded = null)
    {
        var stop = new CancellationTokenSource();
        _ = DeliverAsync(sandboxId, afterRevision, onWrites, onGap, onEnded, stop.Token);
        return new Unsubscriber(stop);
    }

    private async Task DeliverAsync(string sandboxId, long afterRevision, Func<IReadOnlyList<WriteRecord>, Task> onWrites, Func<Task>? onGap,
        Func<SandboxStreamEnd, Task>? onEnded, CancellationToken cancellationToken)
    {
        try
        {
            var grant = await RequireAsync(sandboxId, cancellationToken);
            using var subscription = await grant.Sandbox.SubscribeAsync(afterRevision);
            // A view link revoked while the page is open ends its stream at once, not at its next call.
            using var revoked = grant.ShareId is { } share
                ? revocations.OnRevoked(share, () => subscription.End(new SandboxStreamEndedException(sandboxId, SandboxStreamEnd.Revoked)))
                : null;
            await foreach (var batch in subscription.Batches.ReadAllAsync(cancellationToken))
            {
                if (batch.Gap is { } gap)
                {
                    logger.LogWarning("Sandbox {SandboxId}: writes {From} to {Oldest} are no longer in history", sandboxId, gap.From, gap.Oldest - 1);
                    // Objects deleted in the missed writes would stay on the page: it reloads a snapshot instead.
                    if (onGap is not null)
                    {
                        await onGap();
                        return;
                    }
                }
                await onWrites(batch.Writes);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (SubscriberTooSlowException e) when (onGap is not null)
        {
            logger.LogWarning("Sandbox {SandboxId}: a workspace fell behind after revision {Revision} and reloads", sandboxId, e.LastDelivered);
            await onGap();
        }
        catch (SandboxStreamEndedException e) when (onEnded is not null || (e.Reason == SandboxStreamEnd.Reset && onGap is not null))
        {
            // A reset is missed writes too: a page that cannot tell the difference still reloads.
            await (onEnded is not null ? onEnded(e.Reason) : onGap!());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sandbox {SandboxId}: a workspace subscription ended", sandboxId);
        }
    }

    /// <summary>The sandbox for anyone who may see it; a view link's holder gets the answer kubectl would give a read-only role for a write.</summary>
    private async Task<SandboxGrant> RequireAsync(string sandboxId, CancellationToken cancellationToken) =>
        await access.OpenAsync(sandboxId, cookies.For(sandboxId), cancellationToken)
        ?? throw new UnauthorizedAccessException($"sandboxes \"{sandboxId}\" not found");

    private async Task<SandboxActor> RequireOwnerAsync(string sandboxId, string action, CancellationToken cancellationToken)
    {
        var grant = await RequireAsync(sandboxId, cancellationToken);
        return grant.Access == SandboxAccess.Owner
            ? grant.Sandbox
            : throw new UnauthorizedAccessException($"this is a read-only view of sandbox {sandboxId}: {action} is for its owner only");
    }

    private static KubectlResult? ReadOnly(SandboxGrant grant, string command) =>
        grant.Access < SandboxAccess.Owner ? ReadOnlyKubectl.Refusal(grant.Sandbox.Id, command) : null;

    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
