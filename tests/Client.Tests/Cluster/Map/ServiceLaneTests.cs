using System.Xml.Linq;
using Playground.Client.Cluster.Map;
using Playground.Core.Api.Core;
using static Playground.Client.Tests.ClusterObjects;
using static Playground.Client.Tests.Cluster.Map.MapObjects;

namespace Playground.Client.Tests.Cluster.Map;

public class ServiceLaneTests
{
    private static Task<XElement> RenderAsync(IEnumerable<Service> services, IEnumerable<Pod> pods) =>
        Markup.RenderAsync<ServiceLane>(new Dictionary<string, object?> { ["Services"] = ServiceSelection.Of(services, pods), ["Now"] = T0 });

    private static XElement CardOf(XElement lane, string name) =>
        Assert.Single(lane.WithClass("service-card"), c => c.SingleWithClass("service-name").Text() == name);

    [Fact]
    public async Task A_service_card_gives_type_address_ports_and_its_pods_ready_or_not()
    {
        var lane = await RenderAsync([Service("web", new() { ["app"] = "web" }, ip: "10.96.5.7", port: 80)],
            [App("web-a", "web", "node-1", Running), App("web-b", "web", "node-2", RunningNotReady), App("db", "db", "node-1", Running)]);

        var card = CardOf(lane, "web");
        Assert.Equal("ClusterIP", card.SingleWithClass("service-type").Text());
        Assert.Equal("Cluster IP 10.96.5.7 · ports 80/TCP", card.SingleWithClass("service-address").Text());
        Assert.Equal("Selects app=web: 2 pods, 1 ready, 1 not ready (no traffic).", card.SingleWithClass("service-pods-summary").Text());
        Assert.Equal([("web-a", "ready"), ("web-b", "not ready")],
            card.WithClass("service-pod").Select(p => (p.SingleWithClass("service-pod-name").Text(), p.SingleWithClass("service-pod-state").Text())));
        Assert.True(card.WithClass("service-pod").Last().HasClass("is-unready"));
        // The lines' ends: ready pods drawn solid, the others dashed.
        Assert.Equal("default/web-a", (string?)card.Attribute("data-links"));
        Assert.Equal("default/web-b", (string?)card.Attribute("data-links-unready"));
        Assert.Equal("0", (string?)card.Attribute("tabindex"));
        Assert.Empty(lane.WithClass("service-empty"));
    }

    [Fact]
    public async Task A_big_service_names_a_few_pods_counts_them_all_and_links_them_all()
    {
        var pods = Enumerable.Range(0, 40).Select(i => App($"web-{i:00}", "web", "node-1", Running)).ToList();

        var card = CardOf(await RenderAsync([Service("web", new() { ["app"] = "web" })], pods), "web");

        Assert.Equal(ServiceLane.ShownPods + 1, card.WithClass("service-pod").Count());
        Assert.Equal("and 35 more", card.WithClass("service-pod").Last().Text());
        Assert.Contains("40 pods, 40 ready", card.SingleWithClass("service-pods-summary").Text());
        Assert.Equal(40, ((string?)card.Attribute("data-links"))!.Split(' ').Length);
    }

    [Fact]
    public async Task A_service_whose_selector_matches_nothing_says_it_sends_traffic_nowhere()
    {
        var card = CardOf(await RenderAsync([Service("web", new() { ["app"] = "web" })], [App("db", "db", "node-1", Running)]), "web");

        Assert.Equal("Selects app=web: no pods match, so it sends traffic nowhere.", card.SingleWithClass("service-pods-summary").Text());
        Assert.Empty(card.WithClass("service-pods"));
        Assert.Equal("", (string?)card.Attribute("data-links"));
    }

    [Fact]
    public async Task With_only_the_clusters_own_services_the_lane_suggests_exposing_a_deployment()
    {
        var lane = await RenderAsync(
            [Service("kubernetes", null, ip: "10.96.0.1", port: 443), Service("kube-dns", new() { ["k8s-app"] = "kube-dns" }, ns: "kube-system", ip: "10.96.0.10", port: 53)],
            [Pod("coredns-a", "node-1", p => { Running(p); p.Metadata.Namespace = "kube-system"; p.Metadata.Labels = new() { ["k8s-app"] = "kube-dns" }; })]);

        Assert.Contains("kubectl expose deployment web --port 80", lane.SingleWithClass("service-empty").Text());
        var kubernetes = CardOf(lane, "kubernetes");
        Assert.True(kubernetes.HasClass("service-system"));
        Assert.Equal("Sends traffic to the API server itself.", kubernetes.SingleWithClass("service-pods-summary").Text());
        Assert.Equal("control-plane/api-server", (string?)kubernetes.Attribute("data-links"));
        Assert.Equal("kube-system", CardOf(lane, "kube-dns").SingleWithClass("service-namespace").Text());
        var dns = CardOf(lane, "kube-dns");
        Assert.Equal("Selects k8s-app=kube-dns: 1 pod, 1 ready.", dns.SingleWithClass("service-pods-summary").Text());
        Assert.StartsWith("CoreDNS (an add-on) answers service names", dns.SingleWithClass("service-purpose").Text());
        Assert.Empty(dns.WithClass("service-pods"));
        Assert.Equal("kube-system/coredns-a", (string?)dns.Attribute("data-links"));
    }
}
