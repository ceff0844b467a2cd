using System.Net;
using System.Text;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Requests on one sandbox's Kubernetes API for the patch and subresource tests: any verb, body and content type.</summary>
public sealed class KubeApiPatchRequests(PlaygroundServer server, string id, string token)
{
    public const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}
        """;

    public const string DeploymentPath = "/apis/apps/v1/namespaces/default/deployments/web";

    public static async Task<KubeApiPatchRequests> ForNewSandboxAsync(PlaygroundServer server)
    {
        var (id, token) = await server.CreateSandboxAsync();
        return new KubeApiPatchRequests(server, id, token);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", string userAgent = "kubectl/v1.32.2")
    {
        var request = new HttpRequestMessage(method, new Uri(server.KubeApiAddress, $"/sandboxes/{id}{path}"));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.UserAgent.ParseAdd(userAgent);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return server.KubeApi.SendAsync(request);
    }

    /// <summary>A GET whose answer is handed over as soon as its headers arrive, for streams that never end by themselves.</summary>
    public Task<HttpResponseMessage> SendStreamingAsync(string path, CancellationToken cancel)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.KubeApiAddress, $"/sandboxes/{id}{path}"));
        request.Headers.Authorization = new("Bearer", token);
        return server.KubeApi.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
    }

    public Task<HttpResponseMessage> PatchAsync(string path, string contentType, string body) =>
        SendAsync(HttpMethod.Patch, path, body, contentType);

    /// <summary>Sends a request that must answer <paramref name="code"/>, and returns its JSON body.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode code, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == code, $"expected {code}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> GetAsync(string path) => ExpectAsync(HttpStatusCode.OK, SendAsync(HttpMethod.Get, path));

    public Task<JsonElement> CreateDeploymentAsync() =>
        ExpectAsync(HttpStatusCode.Created, SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", Deployment));

    public Task<string> KubectlOkAsync(string command) => server.KubectlOkAsync(id, token, command);

    public Task<string> KubectlUntilAsync(string command, Func<string, bool> done) => server.KubectlUntilAsync(id, token, command, done);

    public Task<RealKubectl> RealKubectlAsync() => RealKubectl.ForAsync(server, id, token);

    public static JsonElement Container(JsonElement deployment, string name) =>
        deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);

    public static string? Message(JsonElement status) => status.GetProperty("message").GetString();
}
