using System.Threading.Channels;
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

    internal SandboxSubscription(long afterRevision) => Cursor = afterRevision;

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
        IsClosed = true;
        _batches.Writer.TryComplete(error);
    }

    public void Dispose() => End();
}

/// <summary>Ends a subscription whose reader did not keep up; it can subscribe again after <see cref="LastDelivered"/>.</summary>
public sealed class SubscriberTooSlowException(long lastDelivered)
    : Exception($"the subscriber fell behind; subscribe again after revision {lastDelivered}")
{
    public long LastDelivered { get; } = lastDelivered;
}
