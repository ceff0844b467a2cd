using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Each token has its own bucket of requests, shared by the HTTP API and the Kubernetes API; emptying it slows no one else.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private PlaygroundServer _server = null!;

    public async Task InitializeAsync() => _server = await PlaygroundServer.StartAsync(
        extraArguments: ["--Playground:RateLimits:RequestsPerSecond", "1", "--Playground:RateLimits:Burst", "5",
            "--Playground:RateLimits:AnonymousRequestsPerSecond", "1", "--Playground:RateLimits:AnonymousBurst", "5"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_token_past_its_burst_gets_429_with_Retry_After_while_another_token_is_served()
    {
        var (flooder, flooderToken) = await _server.CreateSandboxAsync();
        var (other, otherToken) = await _server.CreateSandboxAsync();

        // A first call opens the TLS connection, so the one after the flood is not slowed by a handshake.
        Assert.Equal(HttpStatusCode.OK, (await _server.KubeApi.SendAsync(KubeApiGet(flooder, flooderToken))).StatusCode);
        var flooding = Enumerable.Range(0, 20).Select(_ => _server.KubectlAsync(flooder, flooderToken, "kubectl get pods")).ToList();
        // Right after the first refusal the bucket is empty, for the Kubernetes API as well.
        var pending = flooding.ToList();
        while (true)
        {
            var done = await Task.WhenAny(pending);
            if ((await done).StatusCode == HttpStatusCode.TooManyRequests) break;
            pending.Remove(done);
        }
        var viaKubeApi = await _server.KubeApi.SendAsync(KubeApiGet(flooder, flooderToken));
        var neighbour = await _server.KubectlAsync(other, otherToken, "kubectl get pods");
        var flood = await Task.WhenAll(flooding);

        var refused = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(flood.Count(r => r.StatusCode == HttpStatusCode.OK), 4, 10);
        Assert.Equal(20, flood.Count(r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        Assert.Equal("1", refused[0].Headers.RetryAfter?.ToString());
        var status = await refused[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TooManyRequests", status.GetProperty("reason").GetString());
        Assert.Equal(429, status.GetProperty("code").GetInt32());
        Assert.Contains("one token may make 1 requests a second, in bursts of up to 5", status.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, viaKubeApi.StatusCode);

        // The bucket refills at its rate: a second later the flooder is served again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(HttpStatusCode.OK, (await _server.KubectlAsync(flooder, flooderToken, "kubectl get pods")).StatusCode);
    }

    [Fact]
    public async Task Made_up_tokens_get_no_buckets_of_their_own_but_share_their_address_s()
    {
        var (id, _) = await _server.CreateSandboxAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 10 && answers.LastOrDefault() != HttpStatusCode.TooManyRequests; i++)
            answers.Add((await _server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", System.Buffers.Text.Base64Url.EncodeToString(Guid.NewGuid().ToByteArray()))).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers.Last());
        Assert.All(answers.SkipLast(1), a => Assert.Equal(HttpStatusCode.NotFound, a));
    }

    private HttpRequestMessage KubeApiGet(string id, string token) =>
        new(HttpMethod.Get, new Uri(_server.KubeApiAddress, $"/sandboxes/{id}/api/v1/pods")) { Headers = { Authorization = new("Bearer", token) } };
}
