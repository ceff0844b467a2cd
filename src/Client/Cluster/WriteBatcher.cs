using System.Collections.Concurrent;
using Playground.Core.Storage;

namespace Playground.Client.Cluster;

/// <summary>
/// Gathers writes arriving from the subscription and hands them on together, at most once per interval, so a burst
/// of a thousand writes costs the page one re-render instead of a thousand.
/// </summary>
public sealed class WriteBatcher(TimeSpan interval, Func<IReadOnlyList<WriteRecord>, Task> flush)
{
    private readonly ConcurrentQueue<WriteRecord> pending = new();
    private int scheduled;

    public Task AddAsync(IReadOnlyList<WriteRecord> writes)
    {
        foreach (var write in writes) pending.Enqueue(write);
        if (Interlocked.Exchange(ref scheduled, 1) == 0) _ = FlushLaterAsync();
        return Task.CompletedTask;
    }

    private async Task FlushLaterAsync()
    {
        await Task.Delay(interval);
        // Cleared before draining, so a write that lands meanwhile schedules the next flush instead of being stranded.
        Volatile.Write(ref scheduled, 0);
        var batch = new List<WriteRecord>();
        while (pending.TryDequeue(out var write)) batch.Add(write);
        if (batch.Count > 0) await flush(batch);
    }
}
