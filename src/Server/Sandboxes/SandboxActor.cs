using System.Threading.Channels;
using Playground.Client.Services;
using Playground.Core.Simulation;

namespace Playground.Server.Sandboxes;

/// <summary>
/// One sandbox's single logical thread (DESIGN principle 4): it owns the <see cref="SimulatedCluster"/>, runs the commands
/// of its mailbox and the timers that real time makes due, and after each turn commits the writes to SQLite before it
/// acknowledges any command or publishes any write. An idle one hibernates: its loop ends after a last commit, and
/// whoever still holds it is served by its successor, restored from SQLite, without noticing.
/// </summary>
public sealed class SandboxActor : IAsyncDisposable
{
    private readonly Channel<SandboxCommand> _mailbox = Channel.CreateUnbounded<SandboxCommand>(new() { SingleReader = true });
    private readonly RealTimeDriver _driver;
    private readonly SandboxFeed _feed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Action<ClockSettings, DateTimeOffset> _saveClock;
    private readonly Func<Task<SandboxActor?>> _successor;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private SimulatedCluster _cluster;
    private bool _hibernating;
    private DateTimeOffset _lastActivity;
    private int _openSubscriptions;

    /// <summary>An idle sandbox still wakes this often, so its clock moves on and is saved while nothing happens.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    /// <param name="successor">The sandbox as loaded again, for callers that still hold this actor after it hibernated.</param>
    internal SandboxActor(string id, byte[] tokenHash, SimulatedCluster cluster, ClockSettings clock, Action<ClockSettings, DateTimeOffset> saveClock,
        Func<Task<SandboxActor?>> successor, TimeProvider time, ILogger logger)
    {
        Id = id;
        TokenHash = tokenHash;
        _cluster = cluster;
        _cluster.Paused = clock.Paused;
        _driver = new RealTimeDriver(time, cluster.Clock.Now, clock);
        _saveClock = saveClock;
        _successor = successor;
        _time = time;
        _lastActivity = time.GetUtcNow();
        _logger = logger;
        _loop = Task.Run(RunLoopAsync);
    }

    public string Id { get; }

    internal byte[] TokenHash { get; }

    /// <summary>Ends when the loop stops: after <see cref="DisposeAsync"/>, or faulted when the sandbox could not commit.</summary>
    public Task Completion => _loop;

    /// <summary>Real time of the last command anyone sent; the sandbox hibernates once this is long enough ago.</summary>
    public DateTimeOffset LastActivity
    {
        get { lock (_gate) return _lastActivity; }
    }

    /// <summary>True once the actor has started to hibernate: its loop is ending and the registry no longer hands it out.</summary>
    internal bool IsHibernating
    {
        get { lock (_gate) return _hibernating; }
    }

    /// <summary>Runs <paramref name="work"/> on the sandbox's loop; completes only once the writes it made are committed.</summary>
    public Task<T> RunAsync<T>(Func<SimulatedCluster, T> work) => Post(work, successor => successor.RunAsync(work));

    /// <summary>
    /// Queues <paramref name="work"/>, or, once the actor hibernated, hands the call to its successor: work that reads
    /// this actor's own fields cannot just be moved to another loop, so each caller says how it is asked again.
    /// </summary>
    private Task<T> Post<T>(Func<SimulatedCluster, T> work, Func<SandboxActor, Task<T>> again)
    {
        var command = new SandboxCommand<T>(work);
        lock (_gate)
        {
            if (_hibernating) return ForwardAsync(again);
            _lastActivity = _time.GetUtcNow();
            if (!_mailbox.Writer.TryWrite(command)) command.Fail(new ObjectDisposedException($"sandbox {Id}", "the sandbox has stopped"));
        }
        return command.Result;
    }

    private async Task<T> ForwardAsync<T>(Func<SandboxActor, Task<T>> again) =>
        await again(await _successor() ?? throw new ObjectDisposedException($"sandbox {Id}", "the sandbox no longer exists"));

    /// <summary>
    /// Starts hibernating when nobody sent a command for <paramref name="idle"/> and nobody is subscribed: from now on
    /// calls go to the successor, and <see cref="Completion"/> ends once the loop has committed everything.
    /// </summary>
    internal bool TryHibernate(TimeSpan idle)
    {
        lock (_gate)
        {
            if (_hibernating || Volatile.Read(ref _openSubscriptions) > 0 || _time.GetUtcNow() - _lastActivity < idle) return false;
            _hibernating = true;
            _mailbox.Writer.TryComplete();
            return true;
        }
    }

    /// <summary>
    /// Changes how the sandbox's clock runs, then runs it as one turn: by <see cref="ClockChange.Advance"/> of virtual time
    /// (timers fire at their own instants, also while paused), by <see cref="ClockChange.Step"/> writes (and pauses), or
    /// until it settles; the new speed, pause and clock are saved before the answer.
    /// </summary>
    public Task<ClockState> ChangeClockAsync(ClockChange change) => Post(cluster =>
    {
        // A step leaves the clock paused at its write, so the next one can be looked at before anything else happens.
        var settings = new ClockSettings(change.Speed ?? _driver.Settings.Speed, change.Step is not null || (change.Paused ?? _driver.Settings.Paused));
        if (change.Advance is { } advance) cluster.Advance(advance);
        var ran = change.Step is { } writes ? cluster.Step(writes) : change.Settle ? cluster.Settle() : null;
        // The writes the run made are durable before the instant that follows them, which a paused clock must keep exactly.
        cluster.Flush();
        cluster.Paused = settings.Paused;
        _saveClock(settings, cluster.Clock.Now);
        _driver.Reset(cluster.Clock.Now, settings);
        // A step names the write it stopped at, so the page can say what the step did.
        var last = change.Step is not null && ran!.Writes > 0 ? cluster.Store.History(cluster.Store.Revision - 1)[0] : null;
        return ClockState(cluster) with { Ran = ran is null ? null : ClockRun.From(ran, last) };
    }, successor => successor.ChangeClockAsync(change));

    /// <summary>Where the sandbox's clock stands and how it runs.</summary>
    public Task<ClockState> ClockAsync() => Post(ClockState, successor => successor.ClockAsync());

    private ClockState ClockState(SimulatedCluster cluster) => new(cluster.Clock.Now, _driver.Settings.Speed, _driver.Settings.Paused, cluster.Store.Revision);

    /// <summary>Subscribes to every write committed after <paramref name="afterRevision"/>, in order.</summary>
    /// <remarks>An open subscription keeps the sandbox loaded: someone is watching it live.</remarks>
    public Task<SandboxSubscription> SubscribeAsync(long afterRevision) => Post(_ =>
    {
        Interlocked.Increment(ref _openSubscriptions);
        var subscription = new SandboxSubscription(afterRevision, () => Interlocked.Decrement(ref _openSubscriptions));
        _feed.Add(subscription);
        return subscription;
    }, successor => successor.SubscribeAsync(afterRevision));

    /// <summary>
    /// Replaces the cluster with <paramref name="rebuild"/>'s, which continues the revisions after the old one's and is
    /// committed (replacing the old rows) before anything else runs; every subscriber is told and has to load it again.
    /// </summary>
    /// <returns>The new cluster's revision.</returns>
    internal Task<long> ResetAsync(Func<SimulatedCluster, SimulatedCluster> rebuild, ClockSettings clock) => Post(old =>
    {
        var fresh = rebuild(old);
        fresh.Paused = clock.Paused;
        fresh.Flush();
        _cluster = fresh;
        _saveClock(clock, fresh.Clock.Now);
        _driver.Reset(fresh.Clock.Now, clock);
        _feed.EndAll(new SandboxStreamEndedException(Id, SandboxStreamEnd.Reset));
        return fresh.Store.Revision;
    }, successor => successor.ResetAsync(rebuild, clock));

    /// <summary>Tells every subscriber the sandbox was deleted, then stops; its rows are the registry's to remove.</summary>
    internal async Task EndAsDeletedAsync()
    {
        try
        {
            await Post(_ =>
            {
                _feed.EndAll(new SandboxStreamEndedException(Id, SandboxStreamEnd.Deleted));
                return true;
            }, _ => Task.FromResult(true));
        }
        catch (ObjectDisposedException)
        {
            // Already stopped: nobody is left to tell.
        }
        await DisposeAsync();
    }

    private async Task RunLoopAsync()
    {
        var turn = new List<SandboxCommand>();
        try
        {
            while (await WaitForWorkAsync())
            {
                if (_driver.Now > _cluster.Clock.Now) _cluster.AdvanceTo(_driver.Now);
                while (_mailbox.Reader.TryRead(out var command))
                {
                    command.Execute(_cluster);
                    turn.Add(command);
                }
                _cluster.Flush(shown: turn.Count > 0);
                _feed.Publish(_cluster.Store);
                foreach (var command in turn) command.Complete();
                turn.Clear();
            }
            // A step may have stopped a piece of work between two writes: it finishes, and its writes are kept, before the sandbox is put away.
            _cluster.Loop.FinishStopped();
            // The clock as it stands is saved exactly, so a sandbox woken from hibernation goes on from this very instant.
            _cluster.Flush(shown: true);
            _feed.EndAll(null);
        }
        catch (Exception e)
        {
            // What was not committed is lost with this instance; the registry drops it and the next request restores
            // the sandbox from SQLite, where every acknowledged write is.
            _logger.LogError(e, "Sandbox {SandboxId} stopped: its loop failed", Id);
            _mailbox.Writer.TryComplete();
            var stopped = new InvalidOperationException($"sandbox {Id} stopped unexpectedly", e);
            foreach (var command in turn) command.Fail(stopped);
            while (_mailbox.Reader.TryRead(out var command)) command.Fail(stopped);
            _feed.EndAll(stopped);
            throw;
        }
    }

    /// <summary>Waits until a command arrives or the next timer is due in real time; false once the actor stops.</summary>
    private async Task<bool> WaitForWorkAsync()
    {
        if (_stopping.IsCancellationRequested) return false;
        var delay = _cluster.NextTimer is { } due ? _driver.RealDelayUntil(due) : MaxWait;
        if (delay <= TimeSpan.Zero) return true;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        wake.CancelAfter(delay < MaxWait ? delay : MaxWait);
        try
        {
            return await _mailbox.Reader.WaitToReadAsync(wake.Token);
        }
        catch (OperationCanceledException)
        {
            return !_stopping.IsCancellationRequested;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _mailbox.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Already logged by the loop.
        }
        var stopped = new ObjectDisposedException($"sandbox {Id}", "the sandbox has stopped");
        while (_mailbox.Reader.TryRead(out var command)) command.Fail(stopped);
        _stopping.Dispose();
    }
}
