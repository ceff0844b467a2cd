using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Admission;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.ApiServer;

/// <summary>A sandbox's limits refuse what would take it past them, in a ResourceQuota's words, whoever writes.</summary>
public class SandboxLimitsTests
{
    [Fact]
    public void A_workload_asking_for_more_replicas_than_allowed_is_refused_and_nothing_is_written()
    {
        var cluster = TestCluster.Create(limits: new SandboxLimits { Replicas = 50 });
        var revision = cluster.Store.Revision;

        var created = cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=51");

        Assert.Equal(1, created.ExitCode);
        Assert.Contains("deployments.apps \"web\" is forbidden: exceeded quota: sandbox-limits, requested: replicas=51, limited: replicas=50", created.Output);
        Assert.Equal(revision, cluster.Store.Revision);
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=50").ExitCode);
        var scaled = cluster.Kubectl("kubectl scale deployment web --replicas=80");
        Assert.Equal(1, scaled.ExitCode);
        Assert.Contains("limited: replicas=50", scaled.Output);
        Assert.Equal(50, cluster.Api.Get<Api.Apps.Deployment>("default", "web").Spec.Replicas);
    }

    [Fact]
    public void The_pod_limit_stops_a_controller_too_and_its_event_says_why()
    {
        var cluster = TestCluster.Create(limits: new SandboxLimits { Pods = 10 });
        var system = cluster.Api.List<Pod>().Count;

        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=20").ExitCode);
        cluster.Settle();

        Assert.Equal(10, cluster.Api.List<Pod>().Count);
        Assert.Equal(10 - system, cluster.Api.List<Pod>("default").Count);
        var failed = cluster.Api.List<Event>("default").First(e => e.Reason == "FailedCreate");
        Assert.Contains("exceeded quota: sandbox-limits, requested: pods=1, used: pods=10, limited: pods=10", failed.Message);
    }

    [Fact]
    public void Adding_a_node_past_the_limit_is_refused_before_a_kubelet_starts()
    {
        var cluster = TestCluster.Create(limits: new SandboxLimits { Nodes = 3 });

        var refused = Assert.Throws<ApiException>(() => cluster.Inject(new Fault("add-node")));

        Assert.Equal(403, refused.Status.Code);
        Assert.Contains("nodes \"node-4\" is forbidden: exceeded quota: sandbox-limits, requested: nodes=1, used: nodes=3, limited: nodes=3", refused.Message);
        cluster.Settle();
        Assert.Equal(3, cluster.Api.List<Node>().Count);
    }

    [Fact]
    public void The_object_limit_counts_everything_but_events()
    {
        var cluster = TestCluster.Create();
        var stored = cluster.Store.Count - cluster.Store.CountOf("events");
        var limited = TestCluster.Create(limits: new SandboxLimits { Objects = stored + 2 });

        Assert.Equal(0, limited.Kubectl("kubectl create configmap one").ExitCode);
        Assert.Equal(0, limited.Kubectl("kubectl create configmap two").ExitCode);
        var third = limited.Kubectl("kubectl create configmap three");

        Assert.Equal(1, third.ExitCode);
        Assert.Contains($"configmaps \"three\" is forbidden: exceeded quota: sandbox-limits, requested: objects=1, used: objects={stored + 2}", third.Output);
    }

    [Fact]
    public void Without_limits_nothing_is_refused()
    {
        var cluster = TestCluster.Create();

        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=500").ExitCode);
    }
}
