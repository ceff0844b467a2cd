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
            writes.AddRange(cluster.Store.History(before).Select(Describe));
        }
        return (outcomes, writes);
    }

    [Fact]
    public void Each_step_stores_exactly_one_write_and_stops_there()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);

        for (var i = 0; i < 60; i++)
        {
            var revision = cluster.Store.Revision;
            var step = cluster.Step();

            Assert.True(step.Reached, $"step {i} found no write within an hour");
            Assert.Equal(1, step.Writes);
            Assert.Equal(revision + 1, cluster.Store.Revision);
            // The clock stops at the write: time moved only as far as the timer that made it.
            Assert.Equal(cluster.Clock.Now, cluster.Store.History(revision)[^1].Time);
        }
    }

    [Fact]
    public void A_paused_cluster_stepped_write_by_write_makes_the_same_writes_as_one_left_to_run()
    {
        var running = TestCluster.Create();
        var start = running.Store.Revision;
        Assert.Equal(0, running.Kubectl("kubectl create deployment web --image=nginx --replicas=3").ExitCode);
        Assert.True(running.RunUntilIdle());
        var expected = running.Store.History(start).Select(Describe).ToList();

        var paused = TestCluster.Create();
        paused.Paused = true;
        Assert.Equal(0, paused.Kubectl("kubectl create deployment web --image=nginx --replicas=3").ExitCode);
        // Paused, the command made its own write and nothing else: the controllers wait for the steps.
        Assert.Equal(start + 1, paused.Store.Revision);
        while (paused.Store.Revision - start < expected.Count) Assert.Equal(1, paused.Step().Writes);

        Assert.Equal(expected, paused.Store.History(start).Select(Describe).ToList());
        // The ReplicaSet controller's sync writes three pods and their events in a row: steps of one write stopped it in between.
        var longestRun = expected.Select(w => w.Split(' ')[1]).Aggregate((Run: 0, Longest: 0, Last: ""), (a, actor) =>
            actor == a.Last ? (a.Run + 1, Math.Max(a.Longest, a.Run + 1), actor) : (1, Math.Max(a.Longest, 1), actor)).Longest;
        Assert.True(longestRun >= 6, $"the longest run of writes by one actor is {longestRun}");
    }

    [Fact]
    public void Work_stopped_between_two_writes_sees_what_a_person_wrote_meanwhile()
    {
        var cluster = TestCluster.Create();
        cluster.Paused = true;
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3").ExitCode);
        // Step until the ReplicaSet controller has created its first pod and stopped before the second.
        for (var i = 0; i < 100 && cluster.Api.List<Pod>("default").Count == 0; i++) cluster.Step();
        Assert.Single(cluster.Api.List<Pod>("default"));
        Assert.True(cluster.Loop.Busy);

        Assert.Equal(0, cluster.Kubectl("kubectl scale deployment web --replicas=1").ExitCode);
        cluster.Paused = false;
        cluster.Settle();

        Assert.Single(cluster.Api.List<Pod>("default"), p => p.Metadata.DeletionTimestamp is null);
        Assert.Equal(1, cluster.Api.Get<Api.Apps.Deployment>("default", "web").Status?.ReadyReplicas);
    }

    [Fact]
    public void Work_a_step_stopped_halfway_can_be_finished_without_a_step()
    {
        var cluster = TestCluster.Create();
        cluster.Paused = true;
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3").ExitCode);
        for (var i = 0; i < 100 && cluster.Api.List<Pod>("default").Count == 0; i++) cluster.Step();
        var revision = cluster.Store.Revision;

        cluster.Loop.FinishStopped();

        Assert.Equal(3, cluster.Api.List<Pod>("default").Count);
        Assert.True(cluster.Store.Revision > revision);
    }

    private static string Describe(WriteRecord w) => $"{w.Revision} {w.Actor} {w.Type} {w.Key.Resource}/{w.Key.Namespace}/{w.Key.Name} {w.Time:O}";

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
