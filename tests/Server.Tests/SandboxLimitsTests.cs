using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>The server's per-sandbox limits (Playground:Limits) refuse, in a ResourceQuota's words, on every way in.</summary>
public sealed class SandboxLimitsTests : IAsyncLifetime
{
    private PlaygroundServer _server = null!;

    public async Task InitializeAsync() => _server = await PlaygroundServer.StartAsync(
        extraArguments: ["--Playground:Limits:Replicas", "5", "--Playground:Limits:Nodes", "3"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Too_many_replicas_are_refused_by_the_terminal_and_the_Kubernetes_API_with_nothing_written()
    {
        var (id, token) = await _server.CreateSandboxAsync();

        var typed = await (await _server.KubectlAsync(id, token, "kubectl create deployment web --image=nginx --replicas=6")).Content.ReadFromJsonAsync<JsonElement>();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.KubeApiAddress, $"/sandboxes/{id}/apis/apps/v1/namespaces/default/deployments"))
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = new StringContent("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api"},"spec":{"replicas":9,"selector":{"matchLabels":{"app":"api"}},
                 "template":{"metadata":{"labels":{"app":"api"}},"spec":{"containers":[{"name":"api","image":"nginx"}]}}}}
                """, Encoding.UTF8, "application/json"),
        };
        var posted = await _server.KubeApi.SendAsync(request);

        Assert.Equal(1, typed.GetProperty("exitCode").GetInt32());
        Assert.Contains("exceeded quota: sandbox-limits, requested: replicas=6, limited: replicas=5", typed.GetProperty("output").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var status = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        Assert.Contains("deployments.apps \"api\" is forbidden: exceeded quota: sandbox-limits, requested: replicas=9", status.GetProperty("message").GetString());
        Assert.Equal("No resources found in default namespace.\n", await _server.KubectlOkAsync(id, token, "kubectl get deployments"));
    }

    [Fact]
    public async Task A_node_past_the_limit_is_refused_by_the_faults_API()
    {
        var (id, token) = await _server.CreateSandboxAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/faults")
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = new StringContent("""{"type": "add-node"}""", Encoding.UTF8, "application/json"),
        };

        var response = await _server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("limited: nodes=3", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }
}
