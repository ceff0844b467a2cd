using System.Collections.Concurrent;

namespace Playground.Server.Sharing;

/// <summary>
/// What is open right now through a view link (hub streams, page subscriptions, Kubernetes API requests), so that
/// revoking the link ends all of it at once instead of at the next access check.
/// </summary>
public sealed class ShareRevocations
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<object, Action>> _open = new();

    /// <summary>Links revoked since the server started; share ids are random and never reused.</summary>
    private readonly ConcurrentDictionary<string, bool> _revoked = new();

    /// <summary>Calls <paramref name="revoked"/> when the link is revoked (at once when it already was); disposing stops that.</summary>
    public IDisposable OnRevoked(string shareId, Action revoked)
    {
        var key = new object();
        var open = _open.GetOrAdd(shareId, _ => new());
        open[key] = revoked;
        // A revocation between the caller's access check and this registration still reaches it.
        if (_revoked.ContainsKey(shareId) && open.TryRemove(key, out _)) revoked();
        return new Registration(() => open.TryRemove(key, out _));
    }

    public void Revoke(string shareId)
    {
        _revoked[shareId] = true;
        if (!_open.TryRemove(shareId, out var open)) return;
        foreach (var key in open.Keys)
            if (open.TryRemove(key, out var revoked)) revoked();
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
