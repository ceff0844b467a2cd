using System.Text.RegularExpressions;
using System.Xml.Linq;
using Playground.Client.Cluster;
using Playground.Client.Cluster.Map;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Cluster.Map;

/// <summary>The whole map over a real simulated cluster: a snapshot, then the writes of a deployment and its service.</summary>
public partial class ClusterMapTests
{
    private const string WebApp = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          replicas: 3
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers:
              - name: web
                image: nginx
                resources: { requests: { cpu: 250m, memory: 64Mi } }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web }
        spec:
          selector: { app: web }
          ports: [{ port: 80 }]
        """;

    private static async Task<(XElement Map, LiveCluster Live)> RenderAfterAsync(string? manifest)
    {
        var cluster = SimulatedCluster.Create();
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        var live = new LiveCluster();
        live.Load(new ClusterSnapshot(cluster.Store.Revision, cluster.Clock.Now, cluster.Store.All().Select(w => w.Object).ToList()));
        var start = cluster.Store.Revision;
        if (manifest is not null)
        {
            Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", manifest).ExitCode);
            cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
            foreach (var write in cluster.Store.History(start)) live.Apply(write);
        }
        return (await Markup.RenderAsync<ClusterMap>(new Dictionary<string, object?> { ["Cluster"] = live }), live);
    }

    [Fact]
    public async Task Leaving_the_page_while_the_map_attaches_its_lines_leaves_the_circuit_running()
    {
        var left = await PageLeftWhileStarting.LeaveAsync(builder =>
        {
            builder.OpenComponent<ClusterMap>(0);
            builder.AddComponentParameter(1, nameof(ClusterMap.Cluster), new LiveCluster());
            builder.CloseComponent();
        });

        Assert.Empty(left.WithClass("cluster-map"));
    }

    [Fact]
    public async Task A_service_lists_the_pods_it_selects_and_each_has_a_chip_on_its_node_to_draw_a_line_to()
    {
        var (map, _) = await RenderAfterAsync(WebApp);

        var card = Assert.Single(map.WithClass("service-card"), c => c.SingleWithClass("service-name").Text() == "web");
        Assert.Equal("Selects app=web: 3 pods, 3 ready.", card.SingleWithClass("service-pods-summary").Text());
        var links = ((string?)card.Attribute("data-links"))!.Split(' ');
        Assert.Equal(3, links.Length);
        var chips = map.WithClass("node-card").SelectMany(n => n.WithClass("pod-chip")).Select(c => (string?)c.Attribute("data-link-id")).ToHashSet();
        Assert.All(links, link => Assert.Contains(link, chips));
        Assert.Single(map.WithClass("map-lines"));
        Assert.Equal("true", (string?)map.SingleWithClass("map-lines").Attribute("aria-hidden"));
        Assert.Empty(map.WithClass("service-empty"));
    }

    [Fact]
    public async Task Node_meters_add_up_the_requests_of_the_pods_on_them()
    {
        var (map, _) = await RenderAfterAsync(WebApp);

        var cpuMeters = map.WithClass("map-meter").Where(m => ((string?)m.Attribute("aria-label"))!.StartsWith("CPU")).ToList();
        Assert.Equal(3, cpuMeters.Count);
        var requested = cpuMeters.Select(m => CpuRequested().Match(m.SingleWithClass("map-meter-value").Text())).ToList();
        Assert.All(requested, r => Assert.True(r.Success));
        // Three web pods at 250m and CoreDNS's two at 100m, as kubeadm installs it; kube-proxy requests nothing.
        Assert.Equal(950, requested.Sum(r => Quantity.MilliCpu(r.Groups[1].Value)));
    }

    [Fact]
    public async Task The_control_plane_and_each_nodes_agents_show_what_they_did()
    {
        var (map, live) = await RenderAfterAsync(WebApp);

        var tiles = map.WithClass("cp-tile").ToDictionary(t => t.SingleWithClass("cp-name").Text());
        Assert.Matches(@"^From a client: kubectl: create Service default/web · [0-9ms]+ ago$", tiles["API server"].SingleWithClass("cp-last").Text());
        Assert.Matches(@"^Last: bind Pod default/web-[a-z0-9-]+ to node-\d · [0-9ms]+ ago$", tiles["Scheduler"].SingleWithClass("cp-last").Text());
        Assert.Equal($"revision {live.Revision} · {live.ObjectCount} objects", tiles["etcd"].SingleWithClass("cp-state").Text());
        var dns = Assert.Single(map.WithClass("service-card"), c => c.SingleWithClass("service-name").Text() == "kube-dns");
        Assert.Equal("Selects k8s-app=kube-dns: 2 pods, 2 ready.", dns.SingleWithClass("service-pods-summary").Text());
        Assert.StartsWith("CoreDNS (an add-on) answers service names", dns.SingleWithClass("service-purpose").Text());

        foreach (var node in map.WithClass("node-card"))
        {
            var states = node.WithClass("agent-state").Select(s => s.Text()).ToList();
            Assert.Matches(@"^Ready · heartbeat [0-9ms]+ ago$", states[0]);
            Assert.Equal("Running 1/1 · routes 3 services", states[1]);
            Assert.DoesNotContain(node.WithClass("pod-name"), n => n.Text().StartsWith("kube-proxy"));
        }
    }

    [Fact]
    public async Task A_new_cluster_shows_the_empty_services_hint_and_its_three_nodes()
    {
        var (map, _) = await RenderAfterAsync(null);

        Assert.Contains("kubectl expose deployment web --port 80", map.SingleWithClass("service-empty").Text());
        Assert.Equal(["node-1", "node-2", "node-3"], map.WithClass("node-name").Select(n => n.Text()));
        Assert.Equal(["Control plane", "Services", "Nodes"], map.WithClass("map-section-title").Select(t => t.Text()));
    }

    [GeneratedRegex(@"^(\S+) / 2 CPU requested \(\d+%\)$")]
    private static partial Regex CpuRequested();
}
