using Playground.Core.Storage;

namespace Playground.Client.Cluster.Trace;

/// <summary>One command's writes: its own (by kubectl, caused by nothing) first, then every write they caused, in revision order.</summary>
public sealed class TracedCommand(int maxWrites)
{
    private readonly List<WriteRecord> writes = [];

    /// <summary>The revision of the command's first write, which names it.</summary>
    public long Id => writes[0].Revision;

    public DateTimeOffset Time => writes[0].Time;

    public IReadOnlyList<WriteRecord> Writes => writes;

    /// <summary>How many of the first writes are the command's own, the roots of its chain.</summary>
    public int RootCount { get; private set; }

    /// <summary>Writes that belonged to the command but were not kept, past <c>maxWrites</c>.</summary>
    public int Dropped { get; private set; }

    public int Count => writes.Count + Dropped;

    /// <summary>What the command did, read from its first write: "create Deployment default/web".</summary>
    public string Summary
    {
        get
        {
            var first = TraceText.Step(writes[0]);
            return RootCount > 1 ? $"{first} and {RootCount - 1} more" : first;
        }
    }

    internal void Add(WriteRecord write, bool root)
    {
        if (writes.Count >= maxWrites)
        {
            Dropped++;
            return;
        }
        writes.Add(write);
        if (root) RootCount++;
    }

    /// <summary>The kept write at <paramref name="revision"/>, if it is one of this command's.</summary>
    public WriteRecord? Find(long revision)
    {
        int low = 0, high = writes.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var at = writes[middle].Revision;
            if (at == revision) return writes[middle];
            if (at < revision) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }
}
