using Playground.Core.Simulation;
using Playground.Server.Classrooms;

namespace Playground.Server.Tests;

/// <summary>The built-in scenarios: each loads, starts with every task failing, and its tasks pass when a student does what they ask.</summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_four_built_in_scenarios_are_listed_in_course_order()
    {
        Assert.Equal(["deploy-and-scale", "rolling-update-and-rollback", "self-healing", "services-and-dns"], ScenarioCatalog.All.Select(s => s.Id));
        Assert.All(ScenarioCatalog.All, s => Assert.InRange(s.Scenario.Tasks.Count, 2, 3));
    }

    [Fact]
    public void Deploy_and_scale_tasks_pass_one_after_another()
    {
        var cluster = StartScenario("deploy-and-scale");
        AssertPassed(cluster, "deploy-and-scale");
        Run(cluster, "kubectl create deployment web --image=nginx --replicas=3");
        AssertPassed(cluster, "deploy-and-scale", 0);
        Run(cluster, "kubectl scale deployment web --replicas=5");
        AssertPassed(cluster, "deploy-and-scale", 0, 1);
        Run(cluster, "kubectl autoscale deployment web --min=5 --max=10 --cpu-percent=80");
        AssertPassed(cluster, "deploy-and-scale", 0, 1, 2);
    }

    [Fact]
    public void Rolling_update_and_rollback_tasks_pass_one_after_another()
    {
        var cluster = StartScenario("rolling-update-and-rollback");
        AssertPassed(cluster, "rolling-update-and-rollback");
        Run(cluster, "kubectl set image deployment/web nginx=nginx:1.27");
        AssertPassed(cluster, "rolling-update-and-rollback", 0);
        Run(cluster, "kubectl rollout undo deployment/web");
        AssertPassed(cluster, "rolling-update-and-rollback", 1);
    }

    [Fact]
    public void Self_healing_tasks_pass_one_after_another()
    {
        var cluster = StartScenario("self-healing");
        AssertPassed(cluster, "self-healing");
        Run(cluster, "kubectl cordon node-3");
        AssertPassed(cluster, "self-healing", 0);
        Run(cluster, "kubectl drain node-3 --ignore-daemonsets");
        AssertPassed(cluster, "self-healing", 0, 1);
        cluster.Inject(new Fault("fail-node", Node: "node-2"));
        cluster.Settle();
        AssertPassed(cluster, "self-healing", 0, 1, 2);
    }

    [Fact]
    public void Services_and_dns_tasks_pass_one_after_another()
    {
        var cluster = StartScenario("services-and-dns");
        AssertPassed(cluster, "services-and-dns");
        Run(cluster, "kubectl expose deployment web --port=80");
        AssertPassed(cluster, "services-and-dns", 0);
        Run(cluster, "kubectl scale deployment web --replicas=4");
        AssertPassed(cluster, "services-and-dns", 0, 1);
        Run(cluster, "kubectl run client --image=busybox -- sleep 3600");
        AssertPassed(cluster, "services-and-dns", 0, 1, 2);
        Assert.Contains("10.96.", Run(cluster, "kubectl exec client -- nslookup web"));
    }

    private static SimulatedCluster StartScenario(string id)
    {
        var cluster = ScenarioTrial.Plant(ScenarioCatalog.Find(id)!.Scenario, new ClusterOptions { Start = Start });
        cluster.Settle();
        return cluster;
    }

    private static string Run(SimulatedCluster cluster, string command)
    {
        var result = cluster.Kubectl(command);
        Assert.True(result.ExitCode == 0, $"{command}: {result.Output}");
        cluster.Settle();
        return result.Output;
    }

    private static void AssertPassed(SimulatedCluster cluster, string id, params int[] passed)
    {
        var scenario = ScenarioCatalog.Find(id)!.Scenario;
        var progress = StudentProgress.Evaluate(scenario, cluster.Api);
        var details = string.Join("\n", progress.SelectMany(t => t.Checks.Select(c => $"{t.Title}: {(c.Passed ? "ok" : "FAIL")} {c.Detail}")));
        Assert.True(passed.SequenceEqual(progress.Select((t, i) => (t, i)).Where(x => x.t.Passed).Select(x => x.i)), details);
    }
}
