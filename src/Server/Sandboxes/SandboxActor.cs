using System.Threading.Channels;
using Playground.Client.Services;
using Playground.Core.Simulation;

namespace Playground.Server.Sandboxes;

/// <summary>
/// One sandbox's single logical thread (DESIGN principle 4): it owns the <see cref="SimulatedCluster"/>, runs the commands
/// of its mailbox and the timers that real time makes due, and after each turn commits the writes to SQLite before it
/// acknowledges any command or publishes any write.
/// </summary>
public sealed class SandboxActor : IAsyncDisposable
{
    private readonly Channel<SandboxCommand> _mailbox = Channel.CreateUnbounded<SandboxCommand>(new() { SingleReader = true });
    private readonly SimulatedCluster _cluster;
    private readonly RealTimeDriver _driver;
    private readonly SandboxFeed _feed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Action<ClockSettings, DateTimeOffset> _saveClock;
    private readonly Task _loop;

    /// <summary>An idle sandbox still wakes this often, so its clock moves on and is saved while nothing happens.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    internal SandboxActor(string id, byte[] tokenHash, SimulatedCluster cluster, ClockSettings clock, Action<ClockSettings, DateTimeOffset> saveClock, TimeProvider time, ILogger logger)
    {
        Id = id;
        TokenHash = tokenHash;
        _cluster = cluster;
        _cluster.Paused = clock.Paused;
        _driver = new RealTimeDriver(time, cluster.Clock.Now, clock);
        _saveClock = saveClock;
        _logger = logger;
        _loop = Task.Run(RunLoopAsync);
    }

    public string Id { get; }

    internal byte[] TokenHash { get; }

    /// <summary>Ends when the loop stops: after <see cref="DisposeAsync"/>, or faulted when the sandbox could not commit.</summary>
    public Task Completion => _loop;

    /// <summary>Runs <paramref name="work"/> on the sandbox's loop; completes only once the writes it made are committed.</summary>
    public Task<T> RunAsync<T>(Func<SimulatedCluster, T> work)
    {
        var command = new SandboxCommand<T>(work);
        if (!_mailbox.Writer.TryWrite(command)) command.Fail(new ObjectDisposedException($"sandbox {Id}", "the sandbox has stopped"));
        return command.Result;
    }

    /// <summary>
    /// Changes how the sandbox's clock runs, then runs it as one turn: by <see cref="ClockChange.Advance"/> of virtual time
    /// (timers fire at their own instants, also while paused), by <see cref="ClockChange.Step"/> writes (and pauses), or
    /// until it settles; the new speed, pause and clock are saved before the answer.
    /// </summary>
    public Task<ClockState> ChangeClockAsync(ClockChange change) => RunAsync(cluster =>
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
        return ClockState(cluster) with { Ran = ran is null ? null : new ClockRun(ran.Elapsed.TotalSeconds, ran.Writes, ran.Reached) };
    });

    /// <summary>Where the sandbox's clock stands and how it runs.</summary>
    public Task<ClockState> ClockAsync() => RunAsync(ClockState);

    private ClockState ClockState(SimulatedCluster cluster) => new(cluster.Clock.Now, _driver.Settings.Speed, _driver.Settings.Paused, cluster.Store.Revision);

    /// <summary>Subscribes to every write committed after <paramref name="afterRevision"/>, in order.</summary>
    public Task<SandboxSubscription> SubscribeAsync(long afterRevision) => RunAsync(_ =>
    {
        var subscription = new SandboxSubscription(afterRevision);
        _feed.Add(subscription);
        return subscription;
    });

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
            _cluster.Flush();
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
