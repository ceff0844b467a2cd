using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Playground.Client.Services;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;

namespace Playground.Server.Hubs;

/// <summary>/hubs/cluster: a sandbox's owner, or whoever holds a view link, streams its writes, in revision order, from any revision on.</summary>
public sealed class ClusterHub(SandboxAccessControl access, ShareRevocations revocations) : Hub
{
    /// <summary>
    /// Streams every write committed after <paramref name="afterRevision"/>. When part of that history is gone,
    /// the first item says so (<see cref="WatchGap"/>) and the stream goes on from the oldest write still known.
    /// A reset ends the stream with a last item (<see cref="WatchReset"/>): the client loads the sandbox again. A
    /// deleted sandbox or a revoked view link ends it with an error that says so.
    /// </summary>
    /// <param name="token">The owner's token or a view link's; null to use the connection's cookies.</param>
    public async Task<IAsyncEnumerable<object>> Watch(string sandboxId, string? token, long afterRevision, CancellationToken cancellationToken)
    {
        if (afterRevision < 0) throw new HubException("afterRevision must be 0 or more");
        var credential = !string.IsNullOrEmpty(token) ? new SandboxCredential(token, null)
            : Context.GetHttpContext() is { } http ? SandboxCredentials.For(http.Request, sandboxId)
            : new SandboxCredential(null, null);
        var grant = await access.OpenAsync(sandboxId, credential, cancellationToken)
            ?? throw new HubException($"sandboxes \"{sandboxId}\" not found");

        var subscription = await grant.Sandbox.SubscribeAsync(afterRevision);
        var revoked = grant.ShareId is { } share
            ? revocations.OnRevoked(share, () => subscription.End(new SandboxStreamEndedException(sandboxId, SandboxStreamEnd.Revoked)))
            : null;
        // Ends the subscription even when the stream is cancelled before it is first read.
        cancellationToken.Register(() =>
        {
            subscription.Dispose();
            revoked?.Dispose();
        });
        return Stream(subscription, revoked, cancellationToken);
    }

    private static async IAsyncEnumerable<object> Stream(SandboxSubscription subscription, IDisposable? revoked, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = subscription;
        using var __ = revoked;
        var reader = subscription.Batches;
        while (true)
        {
            bool open, reset = false;
            try
            {
                open = await reader.WaitToReadAsync(cancellationToken);
            }
            catch (SandboxStreamEndedException e) when (e.Reason == SandboxStreamEnd.Reset)
            {
                (open, reset) = (false, true);
            }
            catch (Exception e) when (e is SubscriberTooSlowException or SandboxStreamEndedException)
            {
                // Reaches the client as a hub error that says what happened and what to do.
                throw new HubException(e.Message);
            }
            if (!open)
            {
                if (reset) yield return new WatchReset(true);
                yield break;
            }
            while (reader.TryRead(out var batch))
            {
                if (batch.Gap is { } gap) yield return new WatchGap(true, gap.From, gap.Oldest);
                foreach (var write in batch.Writes) yield return WatchEvent.From(write);
            }
        }
    }
}
