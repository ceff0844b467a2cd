using System.Threading.Channels;
using Playground.Client.Services;
using Playground.Core.Storage;

namespace Playground.Server.Sandboxes;

/// <summary>Writes a subscriber asked for were compacted away: it missed <see cref="From"/> up to <see cref="Oldest"/> (exclusive).</summary>
public sealed record HistoryGap(long From, long Oldest);

/// <summary>One delivery: the writes committed in one turn (in revision order), preceded by a gap when history was missing.</summary>
public sealed record FeedBatch(IReadOnlyList<WriteRecord> Writes, HistoryGap? Gap = null);

/// <summary>
/// A subscriber's view of a sandbox's committed writes. Only writes already in SQLite are delivered;
/// a subscriber that falls too far behind is ended with an error rather than silently skipped.
/// </summary>
public sealed class SandboxSubscription : IDisposable
{
    /// <summary>Batches queued for one subscriber before it counts as too slow.</summary>
    private const int MaxQueuedBatches = 1000;

    // Not single-reader: only the general unbounded channel can count what is queued.
    private readonly Channel<FeedBatch> _batches = Channel.CreateUnbounded<FeedBatch>(new() { SingleWriter = true });

    private readonly Action? _ended;
    private int _isEnded;

    /// <param name="ended">Called once, on whichever thread ends the subscription.</param>
    internal SandboxSubscription(long afterRevision, Action? ended = null)
    {
        Cursor = afterRevision;
        _ended = ended;
    }

    public ChannelReader<FeedBatch> Batches => _batches.Reader;

    /// <summary>The last revision delivered (or asked to start after); touched only by the sandbox's loop.</summary>
    internal long Cursor { get; private set; }

    internal bool IsClosed { get; private set; }

    internal void Deliver(FeedBatch batch, long revision)
    {
        Cursor = revision;
        if (_batches.Reader.Count >= MaxQueuedBatches)
            End(new SubscriberTooSlowException(batch.Writes.Count > 0 ? batch.Writes[0].Revision - 1 : revision));
        else if (batch.Writes.Count > 0 || batch.Gap is not null)
            _batches.Writer.TryWrite(batch);
    }

    internal void End(Exception? error = null)
    {
        if (Interlocked.Exchange(ref _isEnded, 1) == 1) return;
        IsClosed = true;
        _batches.Writer.TryComplete(error);
        _ended?.Invoke();
    }

    public void Dispose() => End();
}

/// <summary>Ends a subscription whose reader did not keep up; it can subscribe again after <see cref="LastDelivered"/>.</summary>
public sealed class SubscriberTooSlowException(long lastDelivered)
    : Exception($"the subscriber fell behind; subscribe again after revision {lastDelivered}")
{
    public long LastDelivered { get; } = lastDelivered;
}

/// <summary>Ends a subscription because the sandbox changed under it: reset, deleted, or the link it came with revoked.</summary>
public sealed class SandboxStreamEndedException(string sandboxId, SandboxStreamEnd reason) : InvalidOperationException(reason switch
{
    SandboxStreamEnd.Reset => $"sandbox {sandboxId} was reset to its starting state: load it again",
    SandboxStreamEnd.Revoked => "this link was revoked by the sandbox's owner",
    _ => $"sandbox {sandboxId} was deleted",
})
{
    public SandboxStreamEnd Reason { get; } = reason;
}
