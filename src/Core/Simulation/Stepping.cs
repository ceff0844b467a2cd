namespace Playground.Core.Simulation;

/// <summary>How far a step or a settle took the cluster: the virtual time it ran, the writes it stored, and whether it got there.</summary>
public sealed record RunOutcome(TimeSpan Elapsed, int Writes, bool Reached);

/// <summary>Running the cluster a write at a time, or until it has nothing left to do, for a person watching it work.</summary>
public sealed partial class SimulatedCluster
{
    /// <summary>
    /// Lets the cluster run, jumping over idle time, until exactly <paramref name="writes"/> more writes are stored,
    /// looking at most <paramref name="limit"/> (default 1 h) ahead. A piece of work that writes several objects (a sync
    /// creating two pods) stops between them and goes on with the next step.
    /// </summary>
    public RunOutcome Step(int writes = 1, TimeSpan? limit = null)
    {
        var (start, revision) = (Clock.Now, Store.Revision);
        var reached = Loop.StepUntil(() => Store.Revision >= revision + writes, start + (limit ?? TimeSpan.FromHours(1)));
        return new RunOutcome(Clock.Now - start, (int)(Store.Revision - revision), reached);
    }

    /// <summary>
    /// Longer than the node lifecycle controller takes to notice a silent kubelet (its startup grace period and two
    /// monitor passes): its periodic checks are background timers, so "until idle" alone would never see a failed node.
    /// </summary>
    public static readonly TimeSpan QuietWindow = Controllers.NodeLifecycle.NodeLifecycleController.StartupGracePeriod + 2 * Controllers.NodeLifecycle.NodeLifecycleController.MonitorPeriod;

    /// <summary>
    /// Runs until settled, at most <paramref name="limit"/> (default 1 h) of virtual time: until idle, then on through
    /// a <see cref="QuietWindow"/> in which nothing but the kubelets' lease renewals was written, so that what periodic
    /// checks find (a node gone silent, its pods' tolerations running out) has happened too.
    /// </summary>
    public RunOutcome Settle(TimeSpan? limit = null)
    {
        var (start, revision) = (Clock.Now, Store.Revision);
        var end = start + (limit ?? TimeSpan.FromHours(1));
        var settled = false;
        while (!settled && Loop.RunUntilIdle(end - Clock.Now) && Clock.Now < end)
        {
            var before = Store.Revision;
            AdvanceTo(Min(Clock.Now + QuietWindow, end));
            settled = Store.Revision - before < Options.HistoryWindow && Store.History(before).All(w => w.Kind == "Lease") && !Loop.Busy;
        }
        return new RunOutcome(Clock.Now - start, (int)(Store.Revision - revision), settled);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
