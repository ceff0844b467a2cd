using Playground.Client.Cluster;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class WriteBatcherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private static WriteRecord Write(long revision) =>
        new(revision, WriteType.Added, new ObjectKey("pods", "default", $"p{revision}"), "Pod", Pod($"p{revision}"), "{}", "kubelet/node-1", null, T0);

    /// <summary>Collects what the batcher hands on; <see cref="Next"/> completes at each flush.</summary>
    private sealed class Sink
    {
        private TaskCompletionSource<IReadOnlyList<WriteRecord>> next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<IReadOnlyList<WriteRecord>> Batches { get; } = [];
        public Task<IReadOnlyList<WriteRecord>> Next => next.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public Task FlushAsync(IReadOnlyList<WriteRecord> batch)
        {
            lock (Batches) Batches.Add(batch);
            var done = next;
            next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult(batch);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_burst_of_a_thousand_writes_is_handed_on_once_in_order()
    {
        var sink = new Sink();
        var batcher = new WriteBatcher(Interval, sink.FlushAsync);

        for (var start = 1; start <= 1000; start += 10)
            await batcher.AddAsync(Enumerable.Range(start, 10).Select(r => Write(r)).ToList());
        var batch = await sink.Next;

        Assert.Equal(Enumerable.Range(1, 1000).Select(r => (long)r), batch.Select(w => w.Revision));
        Assert.Single(sink.Batches);
    }

    [Fact]
    public async Task Writes_after_a_flush_come_in_the_next_batch()
    {
        var sink = new Sink();
        var batcher = new WriteBatcher(Interval, sink.FlushAsync);

        await batcher.AddAsync([Write(1), Write(2)]);
        var first = await sink.Next;
        await batcher.AddAsync([Write(3)]);
        var second = await sink.Next;

        Assert.Equal([1L, 2L], first.Select(w => w.Revision));
        Assert.Equal([3L], second.Select(w => w.Revision));
    }
}
