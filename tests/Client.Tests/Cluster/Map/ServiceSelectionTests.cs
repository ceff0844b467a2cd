using Playground.Client.Cluster.Map;
using static Playground.Client.Tests.ClusterObjects;
using static Playground.Client.Tests.Cluster.Map.MapObjects;

namespace Playground.Client.Tests.Cluster.Map;

public class ServiceSelectionTests
{
    [Fact]
    public void A_service_selects_the_pods_of_its_namespace_whose_labels_match_ready_ones_first()
    {
        var web = Service("web", new() { ["app"] = "web" });
        var pods = new[]
        {
            App("web-b", "web", "node-1", RunningNotReady), App("web-a", "web", "node-2", Running), App("web-c", "web", "node-1", Terminating),
            App("db-a", "db", "node-1", Running), App("web-x", "web", "node-1", Running, ns: "other"),
        };

        var selection = Assert.Single(ServiceSelection.Of([web], pods));

        Assert.True(selection.HasSelector);
        Assert.Equal([("web-a", true), ("web-b", false), ("web-c", false)], selection.Pods.Select(p => (p.Pod.Metadata.Name, p.Ready)));
        Assert.Equal(1, selection.ReadyCount);
        Assert.Equal("default/web-a", selection.Pods[0].LinkId);
    }

    [Fact]
    public void A_service_without_a_selector_selects_nothing_and_system_services_come_last()
    {
        var selections = ServiceSelection.Of(
            [Service("kubernetes", null, ip: "10.96.0.1"), Service("kube-dns", new() { ["k8s-app"] = "kube-dns" }, ns: "kube-system"), Service("web", new() { ["app"] = "web" })],
            [App("web-a", "web", "node-1", Running)]);

        Assert.Equal(["web", "kubernetes", "kube-dns"], selections.Select(s => s.Service.Metadata.Name));
        var kubernetes = selections[1];
        Assert.Equal((false, 0, true), (kubernetes.HasSelector, kubernetes.Pods.Count, kubernetes.IsSystem));
        Assert.False(selections[0].IsSystem);
    }
}
