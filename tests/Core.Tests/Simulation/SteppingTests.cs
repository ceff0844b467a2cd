using Playground.Core.Api.Core;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Simulation;

/// <summary>Stepping a cluster write by write, and running it until it settles, as the workspace's time controls do.</summary>
public class SteppingTests
{
    private static (List<RunOutcome> Steps, List<string> Writes) StepThroughADeployment(int steps)
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);
        var outcomes = new List<RunOutcome>();
        var writes = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            var before = cluster.Store.Revision;
            outcomes.Add(cluster.Step());
            writes.AddRange(cluster.Store.History(before).Select(w => $"{w.Revision} {w.Actor} {w.Type} {w.Key} {w.Time:O}"));
        }
        return (outcomes, writes);
    }

    [Fact]
    public void Each_step_stores_the_next_write_and_stops_there()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);

        var single = 0;
        for (var i = 0; i < 40; i++)
        {
            var revision = cluster.Store.Revision;
            var step = cluster.Step();

            Assert.True(step.Reached, $"step {i} found no write within an hour");
            Assert.Equal(cluster.Store.Revision - revision, step.Writes);
            Assert.True(step.Writes >= 1);
            if (step.Writes == 1) single++;
            // The clock stops at the write: time moved only as far as the timer that made it.
            Assert.Equal(cluster.Clock.Now, cluster.Store.History(revision)[^1].Time);
        }
        Assert.True(single >= 30, $"only {single} of 40 steps stored exactly one write");
    }

    [Fact]
    public void Stepping_is_deterministic()
    {
        var first = StepThroughADeployment(30);
        var second = StepThroughADeployment(30);

        Assert.Equal(first.Steps, second.Steps);
        Assert.Equal(first.Writes, second.Writes);
    }

    [Fact]
    public void Steps_bring_a_deployment_up_one_write_at_a_time_in_causal_order()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=1").ExitCode);
        var start = cluster.Store.Revision;

        for (var i = 0; i < 200 && !cluster.Api.List<Pod>("default").Any(p => p.Status?.Phase == "Running"); i++) cluster.Step();

        var pod = Assert.Single(cluster.Api.List<Pod>("default"));
        Assert.Equal("Running", pod.Status?.Phase);
        var actors = cluster.Store.History(start).Select(w => w.Actor).ToList();
        Assert.Contains("kubelet/" + pod.Spec.NodeName, actors);
    }

    [Fact]
    public void A_step_with_nothing_to_write_within_its_limit_stops_without_writing()
    {
        var cluster = TestCluster.Create();
        cluster.Settle();
        var revision = cluster.Store.Revision;

        var step = cluster.Step(limit: TimeSpan.FromMilliseconds(1));

        Assert.False(step.Reached);
        Assert.Equal(0, step.Writes);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void Settle_runs_until_idle_and_says_how_far_it_went()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);
        var start = cluster.Clock.Now;

        var settled = cluster.Settle();

        Assert.True(settled.Reached);
        Assert.True(settled.Writes > 0);
        Assert.Equal(cluster.Clock.Now - start, settled.Elapsed);
        Assert.True(settled.Elapsed >= SimulatedCluster.QuietWindow && settled.Elapsed < TimeSpan.FromMinutes(10), $"settled after {settled.Elapsed}");
        Assert.All(cluster.Api.List<Pod>("default"), p => Assert.Equal("Running", p.Status?.Phase));
        var again = cluster.Settle();
        Assert.Equal(SimulatedCluster.QuietWindow, again.Elapsed);
        Assert.All(cluster.Store.History(cluster.Store.Revision - again.Writes), w => Assert.Equal("Lease", w.Kind));
    }
}
