using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Playground.Server.Sandboxes;

namespace Playground.Server.Hubs;

/// <summary>/hubs/cluster: a sandbox's owner streams its writes, in revision order, from any revision on.</summary>
public sealed class ClusterHub(SandboxRegistry registry) : Hub
{
    /// <summary>
    /// Streams every write committed after <paramref name="afterRevision"/>. When part of that history is gone,
    /// the first item says so (<see cref="WatchGap"/>) and the stream goes on from the oldest write still known.
    /// </summary>
    /// <param name="token">The owner's token; null to use the connection's cookie for the sandbox.</param>
    public async Task<IAsyncEnumerable<object>> Watch(string sandboxId, string? token, long afterRevision, CancellationToken cancellationToken)
    {
        if (afterRevision < 0) throw new HubException("afterRevision must be 0 or more");
        if (string.IsNullOrEmpty(token) && Context.GetHttpContext() is { } http)
            token = http.Request.Cookies[SandboxCredentials.TokenCookie(sandboxId)];
        var sandbox = await registry.OpenAsync(sandboxId, token, cancellationToken)
            ?? throw new HubException($"sandboxes \"{sandboxId}\" not found");

        var subscription = await sandbox.SubscribeAsync(afterRevision);
        // Ends the subscription even when the stream is cancelled before it is first read.
        cancellationToken.Register(subscription.Dispose);
        return Stream(subscription, cancellationToken);
    }

    private static async IAsyncEnumerable<object> Stream(SandboxSubscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = subscription;
        await foreach (var batch in ReadAllAsync(subscription, cancellationToken))
        {
            if (batch.Gap is { } gap) yield return new WatchGap(true, gap.From, gap.Oldest);
            foreach (var write in batch.Writes) yield return WatchEvent.From(write);
        }
    }

    // A subscription ended for falling behind reaches the client as a hub error that says what to do.
    private static async IAsyncEnumerable<FeedBatch> ReadAllAsync(SandboxSubscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = subscription.Batches;
        while (true)
        {
            try
            {
                if (!await reader.WaitToReadAsync(cancellationToken)) yield break;
            }
            catch (SubscriberTooSlowException e)
            {
                throw new HubException(e.Message);
            }
            while (reader.TryRead(out var batch)) yield return batch;
        }
    }
}
