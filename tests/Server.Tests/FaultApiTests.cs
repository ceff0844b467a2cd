using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>POST /api/sandboxes/{id}/faults: one-click faults, owner only, refused with a Status and no change on bad input.</summary>
public sealed class FaultApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    private Task<HttpResponseMessage> FaultAsync(string id, string? token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/faults")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return Server.Http.SendAsync(request);
    }

    private async Task<JsonElement> FaultOkAsync(string id, string token, string body)
    {
        var response = await FaultAsync(id, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A sandbox paused with "web" running, so that only the faults and what they cause write.</summary>
    private async Task<(string Id, string Token)> PausedWithWebAsync()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"paused": true}""");
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"settle": true}""");
        return (id, token);
    }

    [Fact]
    public async Task Failing_a_node_is_a_write_by_playground_and_its_pods_move_once_the_tolerations_run_out()
    {
        var (id, token) = await PausedWithWebAsync();
        var pods = await Server.KubectlOkAsync(id, token, "kubectl get pods -o wide");
        var node = pods.Split('\n').First(l => l.StartsWith("web-")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[6];

        var failed = await FaultOkAsync(id, token, $$"""{"type": "fail-node", "node": "{{node}}"}""");

        Assert.Equal($"node \"{node}\" failed: its kubelet stopped", failed.GetProperty("message").GetString());
        // Settling runs past the node lifecycle controller's notice and the pods' 300 s tolerations.
        var settled = await ClockApiTests.ClockOkAsync(Server, id, token, """{"settle": true}""");
        Assert.True(settled.GetProperty("ran").GetProperty("seconds").GetDouble() > 300);
        var after = await Server.KubectlOkAsync(id, token, "kubectl get pods -o wide");
        Assert.Equal(2, after.Split('\n').Count(l => l.StartsWith("web-") && l.Contains(" Running ") && !l.Contains(node)));
        Assert.Contains("NotReady", await Server.KubectlOkAsync(id, token, $"kubectl get node {node}"));

        await FaultOkAsync(id, token, $$"""{"type": "recover-node", "node": "{{node}}"}""");
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"settle": true}""");
        Assert.DoesNotContain("NotReady", await Server.KubectlOkAsync(id, token, $"kubectl get node {node}"));
    }

    [Fact]
    public async Task Each_pod_fault_shows_in_the_pod()
    {
        var (id, token) = await PausedWithWebAsync();
        var names = (await Server.KubectlOkAsync(id, token, "kubectl get pods -o name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => n["pod/".Length..]).ToList();

        var image = await FaultOkAsync(id, token, $$"""{"type": "fail-image-pull", "pod": "{{names[0]}}"}""");
        var deleted = await FaultOkAsync(id, token, $$"""{"type": "delete-pod", "namespace": "default", "pod": "{{names[1]}}"}""");
        var added = await FaultOkAsync(id, token, """{"type": "add-node"}""");

        Assert.Contains("nginx-missing:latest", image.GetProperty("message").GetString());
        Assert.Equal($"pod \"{names[1]}\" deleted", deleted.GetProperty("message").GetString());
        Assert.Equal("node \"node-4\" added", added.GetProperty("message").GetString());
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"advance": "30s"}""");
        var pods = await Server.KubectlOkAsync(id, token, "kubectl get pods");
        Assert.Matches($"{names[0]} +0/1 +(ErrImagePull|ImagePullBackOff)", pods);
        Assert.DoesNotContain(names[1], pods);
        Assert.Contains("node-4", await Server.KubectlOkAsync(id, token, "kubectl get nodes"));
    }

    [Theory]
    [InlineData("""{"node": "node-1"}""", 400, "type is required")]
    [InlineData("""{"type": "meteor"}""", 400, "unknown fault type \"meteor\"")]
    [InlineData("""{"type": "fail-node"}""", 400, "node is required")]
    [InlineData("""{"type": "fail-node", "node": 2}""", 400, "the request body is not valid")]
    [InlineData("""{"type": "fail-node", "node": "node-9"}""", 404, "nodes \"node-9\" not found")]
    [InlineData("""{"type": "recover-node", "node": "node-1"}""", 409, "node \"node-1\" is already up")]
    [InlineData("""{"type": "delete-pod", "pod": "nope"}""", 404, "pods \"nope\" not found")]
    [InlineData("""{"type": "fail-probe", "pod": "nope"}""", 404, "pods \"nope\" not found")]
    [InlineData("""{"type": "fail-image-pull"}""", 400, "exactly one of pod or deployment")]
    [InlineData("""[1]""", 400, "the request body is not valid")]
    public async Task Bad_input_is_a_Status_naming_the_problem_and_changes_nothing(string body, int code, string message)
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var before = await ClockApiTests.ClockOkAsync(Server, id, token, """{"paused": true}""");

        var response = await FaultAsync(id, token, body);

        Assert.Equal(code, (int)response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.Contains(message, status.GetProperty("message").GetString());
        var after = await ClockApiTests.ClockOkAsync(Server, id, token, null);
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Only_the_owner_may_inject_a_fault()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, otherToken) = await Server.CreateSandboxAsync();
        var before = await ClockApiTests.ClockOkAsync(Server, id, token, """{"paused": true}""");
        const string body = """{"type": "fail-node", "node": "node-1"}""";

        var anonymous = await FaultAsync(id, null, body);
        var foreign = await FaultAsync(id, otherToken, body);
        var unknown = await FaultAsync("zzzzzzzzzzzz", token, body);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var after = await ClockApiTests.ClockOkAsync(Server, id, token, null);
        Assert.Equal(before.GetProperty("revision").GetInt64(), after.GetProperty("revision").GetInt64());
        Assert.DoesNotContain("NotReady", await Server.KubectlOkAsync(id, token, "kubectl get nodes"));
    }
}
