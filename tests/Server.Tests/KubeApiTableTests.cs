using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Server-side printing: Tables with upstream's columns, and real kubectl printing what the terminal prints.</summary>
public sealed class KubeApiTableTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_pod_Table_has_upstreams_columns_wide_ones_at_priority_1_and_rows_with_metadata()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await RunningDeploymentAsync(id, token);

        var table = await GetAsync(id, token, "/api/v1/namespaces/default/pods", TableAccept);
        var full = await GetAsync(id, token, "/api/v1/namespaces/default/pods?includeObject=Object", TableAccept);
        var one = await GetAsync(id, token, $"/api/v1/namespaces/default/pods/{FirstPod(table)}", TableAccept);
        var plain = await GetAsync(id, token, "/api/v1/namespaces/default/pods", "application/json");

        Assert.Equal("Table", table.GetProperty("kind").GetString());
        Assert.Equal("meta.k8s.io/v1", table.GetProperty("apiVersion").GetString());
        var columns = table.GetProperty("columnDefinitions").EnumerateArray().ToList();
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"],
            columns.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1], columns.Select(c => c.GetProperty("priority").GetInt32()));
        Assert.Equal("name", columns[0].GetProperty("format").GetString());
        Assert.All(columns, c => Assert.NotEqual("", c.GetProperty("description").GetString()));
        Assert.True(long.Parse(table.GetProperty("metadata").GetProperty("resourceVersion").GetString()!) > 0);
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(9, r.GetProperty("cells").GetArrayLength());
            Assert.Equal("1/1", r.GetProperty("cells")[1].GetString());
            Assert.Equal("Running", r.GetProperty("cells")[2].GetString());
            Assert.Equal("PartialObjectMetadata", r.GetProperty("object").GetProperty("kind").GetString());
            Assert.Equal("web", r.GetProperty("object").GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());
        });
        Assert.Equal("Pod", full.GetProperty("rows")[0].GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal(1, one.GetProperty("rows").GetArrayLength());
        Assert.Equal("PodList", plain.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Counts_are_integers_where_upstreams_columns_are()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await RunningDeploymentAsync(id, token);

        var table = await GetAsync(id, token, "/apis/apps/v1/namespaces/default/deployments", TableAccept);

        var columns = table.GetProperty("columnDefinitions").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("type").GetString()));
        Assert.Contains(("Up-to-date", "integer"), columns);
        Assert.Contains(("Ready", "string"), columns);
        var cells = table.GetProperty("rows")[0].GetProperty("cells");
        Assert.Equal("2/2", cells[1].GetString());
        Assert.Equal(2, cells[2].GetInt32());
    }

    /// <summary>The oracle: for each command, real kubectl against the API prints what the in-browser engine prints (ages aside).</summary>
    [Fact]
    public async Task Real_kubectl_get_prints_what_the_terminal_prints()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await RunningDeploymentAsync(id, token);
        await Server.KubectlOkAsync(id, token, "kubectl create configmap settings --from-literal=mode=fast");
        await Server.KubectlOkAsync(id, token, "kubectl expose deployment web --port=80");
        using var kubectl = await RealKubectl.ForAsync(Server, id, token);

        string[] commands =
        [
            "get pods", "get pods -o wide", "get deploy,rs,svc", "get all", "get nodes", "get nodes -o wide", "get events",
            "get ns", "get cm", "get pods -A", "get pods --show-labels", "get svc -o wide", "get deploy -o wide", "get pods -l app=web",
            "get pods --field-selector status.phase=Running", "get endpoints", "get pod " + await FirstPodNameAsync(id, token),
        ];
        foreach (var command in commands)
        {
            var real = await kubectl.OkAsync(command);
            var engine = await Server.KubectlOkAsync(id, token, "kubectl " + command);
            Assert.NotEqual("", real);
            Assert.True(RealKubectl.WithoutAges(engine).SequenceEqual(RealKubectl.WithoutAges(real)),
                $"kubectl {command}\n--- real kubectl:\n{real}\n--- terminal:\n{engine}");
        }
        // -L is printed by kubectl from the rows' metadata; the terminal has no -L yet, so this checks the column itself.
        var labelColumns = await kubectl.OkAsync("get pods -L app");
        Assert.All(RealKubectl.WithoutAges(labelColumns).Skip(1), line => Assert.EndsWith("| web", line));
        Assert.EndsWith("| APP", RealKubectl.WithoutAges(labelColumns)[0]);
    }

    private async Task RunningDeploymentAsync(string id, string token)
    {
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        await Server.KubectlUntilAsync(id, token, "kubectl get pods", o => o.Split('\n').Count(l => l.Contains(" 1/1 ") && l.Contains("Running")) == 2, 30);
    }

    private async Task<string> FirstPodNameAsync(string id, string token) =>
        FirstPod(await GetAsync(id, token, "/api/v1/namespaces/default/pods", TableAccept));

    private static string FirstPod(JsonElement table) => table.GetProperty("rows")[0].GetProperty("cells")[0].GetString()!;

    private async Task<JsonElement> GetAsync(string id, string token, string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}{path}"));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await Server.KubeApi.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
