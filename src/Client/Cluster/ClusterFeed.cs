using Playground.Client.Services;
using Playground.Core.Storage;

namespace Playground.Client.Cluster;

/// <summary>
/// Keeps the page's <see cref="LiveCluster"/> in step with a sandbox: loads a snapshot, follows the writes after it in
/// batches, and when the stream says writes were missed, loads a fresh snapshot and follows on from there, so an object
/// deleted in the missed writes does not stay on screen.
/// </summary>
/// <param name="dispatch">Runs work on the page's dispatcher and re-renders after it (the component's InvokeAsync).</param>
public sealed class ClusterFeed(ISandboxGateway gateway, string sandboxId, LiveCluster cluster, Func<Func<Task>, Task> dispatch, TimeSpan interval)
    : IDisposable
{
    private IDisposable? subscription;
    private bool stopped;

    /// <summary>How many times missed writes (or a reset of the sandbox) made the feed reload the snapshot.</summary>
    public int Resyncs { get; private set; }

    /// <summary>True when the latest reload was for a reset of the sandbox rather than for missed writes.</summary>
    public bool WasReset { get; private set; }

    /// <summary>Why the stream ended for good (the sandbox deleted, the view link revoked); null while it goes on.</summary>
    public SandboxStreamEnd? Ended { get; private set; }

    /// <summary>Why the last reload failed, for the page to say; null while the feed follows the cluster.</summary>
    public string? Problem { get; private set; }

    /// <summary>Loads the snapshot and follows the writes after it; call on the page's dispatcher. Throws what the gateway throws.</summary>
    public async Task StartAsync()
    {
        var snapshot = await gateway.GetSnapshotAsync(sandboxId);
        if (stopped) return;
        subscription?.Dispose();
        cluster.Load(snapshot);
        // A new batcher: writes still pending in the old one are at or below the snapshot's revision, and Apply skips them.
        var batcher = new WriteBatcher(interval, ApplyAsync);
        subscription = gateway.Subscribe(sandboxId, snapshot.Revision, batcher.AddAsync, () => ResyncAsync(reset: false), EndedAsync);
    }

    private Task ApplyAsync(IReadOnlyList<WriteRecord> writes) => dispatch(() =>
    {
        if (!stopped)
            foreach (var write in writes) cluster.Apply(write);
        return Task.CompletedTask;
    });

    private Task EndedAsync(SandboxStreamEnd reason) => reason == SandboxStreamEnd.Reset
        ? ResyncAsync(reset: true)
        : OnDispatcherAsync(() =>
        {
            Ended = reason;
            return Task.CompletedTask;
        });

    private Task ResyncAsync(bool reset) => OnDispatcherAsync(async () =>
    {
        try
        {
            await StartAsync();
            (Resyncs, WasReset, Problem) = (Resyncs + 1, reset, null);
        }
        catch (Exception e)
        {
            Problem = e.Message;
        }
    });

    private async Task OnDispatcherAsync(Func<Task> work)
    {
        try
        {
            await dispatch(() => stopped ? Task.CompletedTask : work());
        }
        catch (ObjectDisposedException)
        {
            // The page's circuit is gone: there is nothing left to keep in step.
        }
    }

    public void Dispose()
    {
        stopped = true;
        subscription?.Dispose();
    }
}
