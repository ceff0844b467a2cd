using Playground.Core.Simulation;

namespace Playground.Core.Tests.Simulation;

public class EventLoopTests
{
    [Fact]
    public void Timers_fire_in_time_order_at_their_own_instant_and_ties_keep_their_order()
    {
        var clock = new Clock(TestCluster.Start);
        var loop = new EventLoop(clock);
        var fired = new List<(string, TimeSpan)>();
        void At(int seconds, string name) => loop.After(TimeSpan.FromSeconds(seconds), () => fired.Add((name, clock.Now - TestCluster.Start)));
        At(5, "c");
        At(1, "a");
        At(5, "d");
        At(2, "b");

        Assert.True(loop.RunUntilIdle(TimeSpan.FromMinutes(1)));

        Assert.Equal([("a", TimeSpan.FromSeconds(1)), ("b", TimeSpan.FromSeconds(2)), ("c", TimeSpan.FromSeconds(5)), ("d", TimeSpan.FromSeconds(5))], fired);
    }

    [Fact]
    public void Until_idle_stops_when_only_background_timers_are_left_but_fires_those_due_before_the_last_work()
    {
        var clock = new Clock(TestCluster.Start);
        var loop = new EventLoop(clock);
        var beats = 0;
        void Heartbeat() => loop.After(TimeSpan.FromSeconds(10), () => { beats++; Heartbeat(); }, background: true);
        Heartbeat();
        var done = false;
        loop.After(TimeSpan.FromSeconds(35), () => done = true);

        Assert.True(loop.RunUntilIdle(TimeSpan.FromHours(1)));

        Assert.True(done);
        Assert.Equal(3, beats);
        Assert.Equal(TestCluster.Start.AddSeconds(35), clock.Now);
        Assert.False(loop.Busy);
    }

    [Fact]
    public void A_cancelled_timer_never_fires_and_no_longer_keeps_the_loop_busy()
    {
        var clock = new Clock(TestCluster.Start);
        var loop = new EventLoop(clock);
        var fired = false;
        var timer = loop.After(TimeSpan.FromSeconds(1), () => fired = true);

        timer.Dispose();

        Assert.False(loop.Busy);
        Assert.True(loop.RunUntilIdle(TimeSpan.FromMinutes(1)));
        Assert.False(fired);
        Assert.Equal(TestCluster.Start, clock.Now);
    }

    [Fact]
    public void Advancing_to_a_time_fires_what_is_due_and_leaves_the_rest()
    {
        var clock = new Clock(TestCluster.Start);
        var loop = new EventLoop(clock);
        var fired = new List<int>();
        loop.After(TimeSpan.FromSeconds(1), () => fired.Add(1));
        loop.After(TimeSpan.FromSeconds(3), () => fired.Add(3));

        loop.AdvanceTo(TestCluster.Start.AddSeconds(2));

        Assert.Equal([1], fired);
        Assert.Equal(TestCluster.Start.AddSeconds(2), clock.Now);
        Assert.Equal(TestCluster.Start.AddSeconds(3), loop.NextTimer);
    }
}
