using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// metrics.k8s.io/v1beta1 as metrics-server serves it (NodeMetrics, PodMetrics; get and list only), and the oracle for
/// kubectl top: on one settled, paused sandbox real kubectl top prints what the terminal's kubectl top prints.
/// </summary>
public sealed class KubeApiMetricsTests(KubeApiMetricsTests.Sandbox sandbox) : IClassFixture<KubeApiMetricsTests.Sandbox>
{
    private const string Metrics = "/apis/metrics.k8s.io/v1beta1";

    public static TheoryData<string> TopCommands() =>
    [
        "top pods", "top pods -A", "top pod {db} --containers", "top pods --containers", "top pods -l app=db", "top pods -l 'app in (db,web)'",
        "top pods --sort-by=cpu", "top pods --sort-by=memory", "top pods -A --sort-by=cpu", "top pods -A --sort-by=memory", "top pods -n kube-system",
        "top pods --no-headers", "top pod {db}", "top pods -l app=nosuch", "top pod nosuch", "top pod stuck", "top pods --sort-by=disk", "top pod {db} -l app=db",
        "top nodes", "top node node-2", "top nodes --sort-by=memory", "top nodes -l kubernetes.io/hostname=node-3", "top nodes --no-headers",
        "top node nosuch", "top nodes -l nosuch=x",
    ];

    [Theory]
    [MemberData(nameof(TopCommands))]
    public async Task Real_kubectl_top_prints_what_the_terminal_prints(string command)
    {
        command = sandbox.Resolve(command);
        var (code, output, error) = await sandbox.Kubectl.RunAsync(command);
        var (engineCode, engine) = await sandbox.EngineAsync(command);

        Assert.True(code == engineCode && engine == output + error,
            $"kubectl {command}\n--- real kubectl (exit {code}):\n{output}{error}\n--- terminal (exit {engineCode}):\n{engine}");
    }

    [Fact]
    public async Task Discovery_lists_metrics_k8s_io_with_get_and_list_only()
    {
        var groups = await sandbox.Requests.GetAsync("/apis");
        var resources = await sandbox.Requests.GetAsync(Metrics);

        var group = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "metrics.k8s.io");
        Assert.Equal("metrics.k8s.io/v1beta1", group.GetProperty("preferredVersion").GetProperty("groupVersion").GetString());
        Assert.Equal(
            [("nodes", false, "NodeMetrics", "get,list"), ("pods", true, "PodMetrics", "get,list")],
            resources.GetProperty("resources").EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("namespaced").GetBoolean(),
                r.GetProperty("kind").GetString(), string.Join(',', r.GetProperty("verbs").EnumerateArray().Select(v => v.GetString())))));
    }

    [Fact]
    public async Task Aggregated_discovery_answers_kubectls_first_request_with_every_group_including_metrics()
    {
        const string Aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(sandbox.Server.KubeApiAddress, $"/sandboxes/{sandbox.Id}/apis"))
        {
            Headers = { Authorization = new("Bearer", sandbox.Token) },
        };
        request.Headers.TryAddWithoutValidation("Accept", $"{Aggregated},application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json");

        var response = await sandbox.Server.KubeApi.SendAsync(request);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(Aggregated, response.Content.Headers.ContentType!.ToString().Replace(" ", ""));
        var groups = document.GetProperty("items").EnumerateArray().ToDictionary(g => g.GetProperty("metadata").GetProperty("name").GetString()!);
        Assert.Equal(["v2", "v1"], groups["autoscaling"].GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        var metrics = groups["metrics.k8s.io"].GetProperty("versions")[0];
        Assert.Equal(("v1beta1", "Current"), (metrics.GetProperty("version").GetString(), metrics.GetProperty("freshness").GetString()));
        Assert.Equal([("nodes", "Cluster", "NodeMetrics"), ("pods", "Namespaced", "PodMetrics")], metrics.GetProperty("resources").EnumerateArray()
            .Select(r => (r.GetProperty("resource").GetString(), r.GetProperty("scope").GetString(), r.GetProperty("responseKind").GetProperty("kind").GetString())));
        var deployments = groups["apps"].GetProperty("versions")[0].GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "deployments");
        var scale = deployments.GetProperty("subresources").EnumerateArray().Single(r => r.GetProperty("subresource").GetString() == "scale");
        Assert.Equal("autoscaling", scale.GetProperty("responseKind").GetProperty("group").GetString());
    }

    [Fact]
    public async Task Pod_metrics_are_listed_by_selector_with_metrics_servers_timestamp_window_and_quantities()
    {
        var clock = await ClockApiTests.ClockOkAsync(sandbox.Server, sandbox.Id, sandbox.Token, null);
        var now = clock.GetProperty("now").GetDateTimeOffset();

        var db = await sandbox.Requests.GetAsync($"{Metrics}/namespaces/default/pods?labelSelector=app%3Ddb");
        var named = await sandbox.Requests.GetAsync($"{Metrics}/pods?fieldSelector=metadata.name%3D{sandbox.Resolve("{db}")}");
        var one = await sandbox.Requests.GetAsync($"{Metrics}/namespaces/default/pods/{sandbox.Resolve("{db}")}");

        Assert.Equal(("PodMetricsList", "metrics.k8s.io/v1beta1"), (db.GetProperty("kind").GetString(), db.GetProperty("apiVersion").GetString()));
        var items = db.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.Equal("PodMetrics", item.GetProperty("kind").GetString());
            Assert.Equal("db", item.GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());
            var timestamp = item.GetProperty("timestamp").GetDateTimeOffset();
            Assert.InRange(now - timestamp, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Equal(0, timestamp.Second % 15);
            Assert.Equal("15s", item.GetProperty("window").GetString());
            var usage = item.GetProperty("containers")[0].GetProperty("usage");
            // 50m of demand spread over the two ready pods, on top of the idle millicore.
            Assert.Equal("26m", usage.GetProperty("cpu").GetString());
            Assert.Matches(@"^\d+Ki$", usage.GetProperty("memory").GetString());
        }
        Assert.Equal([sandbox.Resolve("{db}")], named.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        Assert.Equal(items[0].GetProperty("containers").GetRawText(), one.GetProperty("containers").GetRawText());
    }

    [Fact]
    public async Task Node_metrics_carry_the_nodes_labels_and_usage()
    {
        var node = await sandbox.Requests.GetAsync($"{Metrics}/nodes/node-2");
        var list = await sandbox.Requests.GetAsync($"{Metrics}/nodes?labelSelector=kubernetes.io%2Fhostname%3Dnode-3");

        Assert.Equal(("NodeMetrics", "node-2"), (node.GetProperty("kind").GetString(), node.GetProperty("metadata").GetProperty("name").GetString()));
        Assert.Equal("node-2", node.GetProperty("metadata").GetProperty("labels").GetProperty("kubernetes.io/hostname").GetString());
        Assert.Matches(@"^\d+m$", node.GetProperty("usage").GetProperty("cpu").GetString());
        Assert.Equal(["node-3"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Watch_and_writes_are_refused_and_missing_metrics_are_metrics_servers_NotFound()
    {
        var watch = await sandbox.Requests.ExpectAsync(HttpStatusCode.MethodNotAllowed, sandbox.Requests.SendAsync(HttpMethod.Get, $"{Metrics}/pods?watch=true"));
        var create = await sandbox.Requests.ExpectAsync(HttpStatusCode.MethodNotAllowed,
            sandbox.Requests.SendAsync(HttpMethod.Post, $"{Metrics}/namespaces/default/pods", """{"apiVersion":"metrics.k8s.io/v1beta1","kind":"PodMetrics","metadata":{"name":"x"}}"""));
        var pending = await sandbox.Requests.ExpectAsync(HttpStatusCode.NotFound, sandbox.Requests.SendAsync(HttpMethod.Get, $"{Metrics}/namespaces/default/pods/stuck"));
        var missing = await sandbox.Requests.ExpectAsync(HttpStatusCode.NotFound, sandbox.Requests.SendAsync(HttpMethod.Get, $"{Metrics}/nodes/nosuch"));

        Assert.Equal("watch is not supported on resources of kind \"pods.metrics.k8s.io\"", KubeApiPatchRequests.Message(watch));
        Assert.Equal("MethodNotAllowed", create.GetProperty("reason").GetString());
        Assert.Equal("pods.metrics.k8s.io \"default/stuck\" not found", KubeApiPatchRequests.Message(pending));
        Assert.Equal("node \"nosuch\" not found", KubeApiPatchRequests.Message(missing));
    }

    [Fact]
    public async Task Kubectl_get_prints_metrics_servers_own_table()
    {
        var table = await sandbox.Kubectl.OkAsync("get pods.metrics.k8s.io -l app=db");

        var lines = table.TrimEnd('\n').Split('\n');
        Assert.Equal(["NAME", "CPU", "MEMORY", "WINDOW"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(lines[1..], line => Assert.Matches(@"^db-\S+\s+26m\s+\d+Ki\s+15s$", line));
        Assert.Equal(2, lines.Length - 1);
    }

    /// <summary>
    /// A paused sandbox two simulated minutes after a deployment web of 3 with 300m of load, db of 2 with 50m, and a pod
    /// "stuck" that no node can take: CPU and memory differ from pod to pod, and one pod has no metrics.
    /// </summary>
    public sealed class Sandbox : IAsyncLifetime
    {
        private readonly Dictionary<string, string> _names = [];

        public PlaygroundServer Server { get; private set; } = null!;
        public string Id { get; private set; } = "";
        public string Token { get; private set; } = "";
        public KubeApiPatchRequests Requests { get; private set; } = null!;
        public RealKubectl Kubectl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await PlaygroundServer.StartAsync();
            (Id, Token) = await Server.CreateSandboxAsync();
            Requests = new KubeApiPatchRequests(Server, Id, Token);
            await ClockApiTests.ClockOkAsync(Server, Id, Token, """{"paused": true}""");
            foreach (var command in new[]
            {
                "create deployment web --image=nginx --replicas=3", "annotate deployment web playground.k8s.io/cpu-load=300m",
                "create deployment db --image=redis --replicas=2", "annotate deployment db playground.k8s.io/cpu-load=50m",
            })
                await Server.KubectlOkAsync(Id, Token, "kubectl " + command);
            await Server.KubectlOkAsync(Id, Token, "kubectl apply -f -", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: stuck
                spec:
                  nodeSelector:
                    disk: nosuch
                  containers:
                  - name: app
                    image: busybox
                """);
            await ClockApiTests.ClockOkAsync(Server, Id, Token, """{"advance": "2m"}""");
            Kubectl = await RealKubectl.ForAsync(Server, Id, Token);
            _names["{db}"] = (await Kubectl.OkAsync("get pods -l app=db -o name")).Split('\n')[0]["pod/".Length..];
        }

        public string Resolve(string command) => _names.Aggregate(command, (c, name) => c.Replace(name.Key, name.Value));

        public async Task<(int ExitCode, string Output)> EngineAsync(string command)
        {
            var response = await Server.KubectlAsync(Id, Token, "kubectl " + command);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("exitCode").GetInt32(), body.GetProperty("output").GetString()!);
        }

        public async Task DisposeAsync()
        {
            Kubectl?.Dispose();
            await Server.DisposeAsync();
        }
    }
}
