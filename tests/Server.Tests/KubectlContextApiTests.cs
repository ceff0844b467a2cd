using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>POST /api/sandboxes/{id}/kubectl with "namespace": the caller keeps the kubeconfig context, the server only runs in it.</summary>
public sealed class KubectlContextApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    private async Task<JsonElement> RunAsync(string id, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/kubectl") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Set_context_answers_the_new_namespace_and_commands_sent_with_it_run_there()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create namespace dev");
        await Server.KubectlOkAsync(id, token, "kubectl run in-default --image=nginx");

        var set = await RunAsync(id, token, new { command = "kubectl config set-context --current --namespace=dev" });
        Assert.Equal($"Context \"playground-{id}\" modified.\n", set.GetProperty("output").GetString());
        Assert.Equal("dev", set.GetProperty("namespace").GetString());

        var created = await RunAsync(id, token, new { command = "kubectl run in-dev --image=nginx", @namespace = "dev" });
        Assert.Equal("pod/in-dev created\n", created.GetProperty("output").GetString());
        Assert.Equal("dev", created.GetProperty("namespace").GetString());
        var listed = (await RunAsync(id, token, new { command = "kubectl get pods -o name", @namespace = "dev" })).GetProperty("output").GetString();
        Assert.Equal("pod/in-dev\n", listed);
        Assert.Equal("pod/in-default\n", await Server.KubectlOkAsync(id, token, "kubectl get pods -o name"));

        var view = (await RunAsync(id, token, new { command = "kubectl config view --minify", @namespace = "dev" })).GetProperty("output").GetString()!;
        Assert.Contains($"    server: https://127.0.0.1:", view);
        Assert.Contains($"/sandboxes/{id}\n  name: playground-{id}\n", view);
        Assert.Contains("    namespace: dev\n", view);
    }

    [Fact]
    public async Task Without_a_namespace_the_context_has_the_kubeconfigs_default()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var answer = await RunAsync(id, token, new { command = "kubectl config view --minify -o jsonpath={..namespace}" });

        Assert.Equal("default", answer.GetProperty("output").GetString());
        Assert.Equal("default", answer.GetProperty("namespace").GetString());
    }
}
