using Playground.Client.Cluster.Map;
using Playground.Core.Api.Core;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Map;

public class NodeUsageTests
{
    private static void Requests(Pod pod, string cpu, string memory) =>
        pod.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new() { ["cpu"] = cpu, ["memory"] = memory } };

    [Fact]
    public void Requests_of_the_pods_on_a_node_add_up_against_its_allocatable()
    {
        var node = Node("node-1");
        node.Status!.Allocatable = new() { ["cpu"] = "2", ["memory"] = "4Gi" };
        var a = Pod("a", "node-1", Running);
        Requests(a, "500m", "256Mi");
        var b = Pod("b", "node-1", Running);
        Requests(b, "250m", "64Mi");

        var usage = NodeUsage.Of(node, [a, b, Pod("no-requests", "node-1", Running)]);

        Assert.Equal(new Usage(750, 2000), usage.Cpu);
        Assert.Equal(37, usage.Cpu.Percent);
        Assert.Equal(new Usage(320L * 1024 * 1024, 4L * 1024 * 1024 * 1024), usage.Memory);
        Assert.Equal(7, usage.Memory.Percent);
    }

    [Fact]
    public void Finished_pods_hold_nothing_and_an_init_container_counts_when_it_is_the_largest()
    {
        var done = Pod("done", "node-1", Completed);
        Requests(done, "1", "1Gi");
        var init = Pod("init", "node-1", Running);
        Requests(init, "100m", "64Mi");
        init.Spec.InitContainers = [new Container { Name = "setup", Image = "busybox", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "300m" } } }];

        var usage = NodeUsage.Of(Node("node-1"), [done, init]);

        Assert.Equal(300, usage.Cpu.Requested);
        Assert.Equal(64L * 1024 * 1024, usage.Memory.Requested);
        Assert.Equal(2000, usage.Cpu.Allocatable);
    }
}
