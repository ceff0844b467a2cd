using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Playground.Server.Tests;

/// <summary>One request to a sandbox's Kubernetes API: a path under /sandboxes/{id} (with its query), a body and its media type.</summary>
public sealed record ApiRequest(HttpMethod Method, string Path, string? Body = null, string ContentType = "application/json", bool Streamed = false)
{
    /// <summary>Stands in a body for text that takes it past the API's 3 MiB limit, so that cases stay small until they are sent.</summary>
    public const string Padding = "@@3MiB@@";

    private static readonly string Oversize = new('x', 3 * 1024 * 1024 + 1);

    /// <summary>The body as sent, with <see cref="Padding"/> grown to its full size.</summary>
    public string? Text => Body?.Replace(Padding, Oversize);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A sandbox's Kubernetes API, spoken to as its owner or as anyone else, with the revision that tells whether a request wrote.</summary>
public sealed class ApiSandbox(PlaygroundServer server, string id, string token)
{
    public string Id => id;
    public string Token => token;

    public Task<HttpResponseMessage> SendAsync(ApiRequest request) => SendAsync(request, id, token);

    /// <summary>Sends the request to sandbox <paramref name="sandboxId"/>'s path with <paramref name="bearer"/> as the token, or none when it is null.</summary>
    public Task<HttpResponseMessage> SendAsync(ApiRequest request, string sandboxId, string? bearer)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(server.KubeApiAddress, $"/sandboxes/{sandboxId}{request.Path}"));
        if (bearer is not null) message.Headers.Authorization = new("Bearer", bearer);
        message.Headers.UserAgent.ParseAdd("kubectl/v1.32.2");
        if (request.Text is { } body)
            message.Content = request.Streamed
                ? new StreamedJson(body, request.ContentType)
                : new StringContent(body, Encoding.UTF8, System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType));
        // A body whose announced length is refused need not travel: the server answers before asking for it.
        if (!request.Streamed && request.Body?.Contains(ApiRequest.Padding) == true) message.Headers.ExpectContinue = true;
        return server.KubeApi.SendAsync(message);
    }

    /// <summary>A GET that must succeed, as JSON.</summary>
    public async Task<JsonObject> GetAsync(string path)
    {
        var response = await SendAsync(new ApiRequest(HttpMethod.Get, path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The store's revision, as a list reports it: any write, by a request or by what it set off, moves it.</summary>
    public async Task<string> RevisionAsync() => (await GetAsync("/api/v1/namespaces"))["metadata"]!["resourceVersion"]!.GetValue<string>();
}
