using Playground.Core.Api.Core;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>
/// kubectl v1.32 sorts `get` output only with --sort-by; without it events come in the API server's list order,
/// which is etcd's key order: namespace, then name, and an event is named "object.hex(unix nanos)".
/// </summary>
public sealed class GetEventsOrderTests
{
    [Fact]
    public void Get_events_lists_in_name_order_so_each_objects_events_are_together_and_oldest_first()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);
        cluster.RunUntilIdle();
        cluster.Kubectl("kubectl scale deployment web --replicas=3");
        cluster.RunUntilIdle();

        var output = cluster.Kubectl("kubectl get events -o wide").Output;

        var events = cluster.Api.List<Event>("default");
        var expected = events.OrderBy(e => e.Metadata.Name, StringComparer.Ordinal).Select(e => e.Metadata.Name!).ToList();
        var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]).ToList();
        Assert.Equal(expected, printed);
        Assert.True(expected.Count > 5);
        // Within one object, name order is time order: the names carry the time as a fixed-width hex number.
        foreach (var group in events.GroupBy(e => e.InvolvedObject.Uid))
        {
            var byName = group.OrderBy(e => e.Metadata.Name, StringComparer.Ordinal).Select(e => e.FirstTimestamp).ToList();
            Assert.Equal(byName.Order().ToList(), byName);
        }
    }
}
