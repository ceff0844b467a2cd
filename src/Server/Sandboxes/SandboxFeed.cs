using Playground.Core.ApiServer;
using Playground.Core.Storage;

namespace Playground.Server.Sandboxes;

/// <summary>A sandbox's subscribers; used only on the sandbox's loop, after each flush, so nothing uncommitted leaves the server.</summary>
internal sealed class SandboxFeed
{
    private readonly List<SandboxSubscription> _subscribers = [];

    public void Add(SandboxSubscription subscription) => _subscribers.Add(subscription);

    /// <summary>Brings every subscriber up to the store's revision, reading each distinct starting point from history once.</summary>
    public void Publish(Store store)
    {
        _subscribers.RemoveAll(s => s.IsClosed);
        foreach (var group in _subscribers.Where(s => s.Cursor < store.Revision).GroupBy(s => s.Cursor).ToList())
        {
            var batch = Read(store, group.Key);
            foreach (var subscriber in group) subscriber.Deliver(batch, store.Revision);
        }
    }

    /// <summary>Ends every subscription, e.g. when the sandbox stops.</summary>
    public void EndAll(Exception? error)
    {
        foreach (var subscriber in _subscribers) subscriber.End(error);
        _subscribers.Clear();
    }

    private static FeedBatch Read(Store store, long afterRevision)
    {
        try
        {
            return new FeedBatch(store.History(afterRevision));
        }
        catch (ApiException e) when (e.Code == StatusCodes.Status410Gone)
        {
            var oldest = store.CompactedRevision + 1;
            return new FeedBatch(store.History(store.CompactedRevision), new HistoryGap(afterRevision + 1, oldest));
        }
    }
}
