using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>What a view link may do: read with kubectl, the Kubernetes API and the hub; strangers on every route are IsolationMatrixTests'.</summary>
public sealed class AccessTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_view_token_reads_with_kubectl_and_a_write_says_plainly_that_the_view_is_read_only()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx");
        var (_, view, _) = await Server.ShareAsync(id, token, "view");

        Assert.Contains("web", await Server.KubectlOkAsync(id, view, "kubectl get deployments"));
        Assert.Contains("Name:", await Server.KubectlOkAsync(id, view, "kubectl describe deployment web"));
        Assert.Contains("node-1", await Server.KubectlOkAsync(id, view, "kubectl -n default get nodes"));
        Assert.Contains("viewer", (await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", view).ExpectAsync(HttpStatusCode.OK)).GetProperty("access").GetString());
        Assert.Equal(JsonValueKind.Object, (await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/clock", view).ExpectAsync(HttpStatusCode.OK)).ValueKind);

        await PauseAsync(id, token);
        var revision = await Server.RevisionAsync(id, token);
        var writes = new (string Command, string Verb)[]
        {
            ("kubectl apply -f -", "apply"), ("kubectl delete deployment web", "delete"), ("kubectl scale deployment web --replicas=3", "scale"),
            ("kubectl -n default create deployment api --image=nginx", "create"), ("kubectl rollout restart deployment/web", "rollout restart"),
            ("k label node node-1 a=b", "label"), ("kubectl exec web -- ls", "exec"),
        };
        foreach (var (command, verb) in writes)
        {
            var (exitCode, output) = await Server.KubectlRunAsync(id, view, command, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
            Assert.Equal(1, exitCode);
            Assert.StartsWith($"error: this is a read-only view of sandbox {id}: kubectl {verb} ", output);
            Assert.EndsWith("is not allowed here\n", output);
        }
        Assert.Equal(revision, await Server.RevisionAsync(id, token));
        Assert.Equal(0, (await Server.KubectlRunAsync(id, view, "kubectl rollout status deployment/web")).ExitCode);
    }

    [Fact]
    public async Task A_view_token_reads_the_Kubernetes_API_and_gets_403_with_a_Status_for_writes()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, view, _) = await Server.ShareAsync(id, token, "view");
        var owner = new ApiSandbox(Server, id, token);
        await PauseAsync(id, token);
        var revision = await owner.RevisionAsync();

        var list = await owner.SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/namespaces/kube-system/pods"), id, view);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var watch = await owner.SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/namespaces?watch=1&timeoutSeconds=1"), id, view);
        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);
        const string configMap = """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}""";
        foreach (var request in new[]
        {
            new ApiRequest(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", configMap),
            new ApiRequest(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/c", configMap),
            new ApiRequest(HttpMethod.Patch, "/api/v1/nodes/node-1", """{"metadata": {"labels": {"a": "b"}}}""", "application/merge-patch+json"),
            new ApiRequest(HttpMethod.Delete, "/api/v1/nodes/node-1"),
            new ApiRequest(HttpMethod.Get, "/api/v1/namespaces/kube-system/pods/x/exec?command=ls&stdout=true"),
        })
        {
            var response = await owner.SendAsync(request, id, view);
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Status", status.GetProperty("kind").GetString());
            Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
            Assert.Contains($"read-only view of sandbox \"{id}\"", status.GetProperty("message").GetString());
        }
        Assert.Equal(revision, await owner.RevisionAsync());
    }

    [Fact]
    public async Task A_fork_token_is_no_view_token_and_a_view_token_opens_only_its_own_sandbox()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (other, otherToken) = await Server.CreateSandboxAsync();
        var (_, fork, _) = await Server.ShareAsync(id, token, "fork");
        var (_, view, _) = await Server.ShareAsync(id, token, "view");

        await Server.KubectlAsync(id, fork, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
        await Server.KubectlAsync(other, view, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
        var api = await new ApiSandbox(Server, other, otherToken).SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/pods"), other, view);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task A_view_token_watches_the_hub_stream()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, view, _) = await Server.ShareAsync(id, token, "view");
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");

        var stream = await hub.StreamAsync("Watch", id, view, 0);

        Assert.Equal(1, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Share_links_need_a_valid_access_and_name_it_clearly_otherwise()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var wrong = await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/shares", token, new { access = "edit" }).ExpectAsync(HttpStatusCode.BadRequest);
        var missing = await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/shares", token, new { }).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal("access must be \"view\" (watch and read the sandbox) or \"fork\" (get a copy of it), got \"edit\"", wrong.GetProperty("message").GetString());
        Assert.EndsWith("got nothing", missing.GetProperty("message").GetString());
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/shares", token).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    /// <summary>A paused clock makes no writes of its own, so a revision that moves shows a write by the request under test.</summary>
    private Task PauseAsync(string id, string token) =>
        Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { paused = true }).ExpectAsync(HttpStatusCode.OK);
}
