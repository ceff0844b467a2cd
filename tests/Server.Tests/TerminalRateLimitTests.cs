using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Services;

namespace Playground.Server.Tests;

/// <summary>The browser's terminal runs kubectl over the page's circuit, not HTTP, and still draws on its token's one bucket.</summary>
public sealed class TerminalRateLimitTests : IAsyncLifetime
{
    private InProcessPlayground _server = null!;

    public async Task InitializeAsync() => _server = await InProcessPlayground.StartAsync(
        "--Playground:RateLimits:RequestsPerSecond", "1", "--Playground:RateLimits:Burst", "3");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_terminal_and_the_HTTP_API_share_the_owner_s_bucket_and_the_terminal_answers_429_as_kubectl_does()
    {
        var (id, token) = await CreateAsync();
        var (otherId, otherToken) = await CreateAsync();
        await using var circuit = _server.Services.CreateAsyncScope();
        var terminal = Terminal(circuit, $"pg.sbx.{id}={token}; pg.sbx.{otherId}={otherToken}");

        // The HTTP API empties the bucket; the terminal is refused at once.
        for (var sent = 0; (await KubectlAsync(id, token)).StatusCode != HttpStatusCode.TooManyRequests; sent++) Assert.True(sent < 10, "the bucket never emptied");
        var refused = await terminal.RunKubectlAsync(id, "kubectl get pods");
        var neighbour = await terminal.RunKubectlAsync(otherId, "kubectl get pods");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("Error from server (TooManyRequests): too many requests, please try again later: one token may make 1 requests a second, in bursts of up to 3\n", refused.Output);
        Assert.Equal(0, neighbour.ExitCode);

        // The other way round: what refills, the terminal takes, and the HTTP API is refused right after.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await terminal.RunKubectlAsync(id, "kubectl get pods")).ExitCode != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the bucket never refilled");
            await Task.Delay(100);
        }
        var afterTerminal = await KubectlAsync(id, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterTerminal.StatusCode);
        Assert.Equal("TooManyRequests", (await afterTerminal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    /// <summary>The page's gateway in a circuit of a browser that holds <paramref name="cookies"/>, captured as when the circuit opens.</summary>
    private static ISandboxGateway Terminal(AsyncServiceScope circuit, string cookies)
    {
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = cookies;
        circuit.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = request;
        return circuit.ServiceProvider.GetRequiredService<ISandboxGateway>();
    }

    private async Task<(string Id, string Token)> CreateAsync()
    {
        var body = await (await _server.Http.PostAsync("/api/sandboxes", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    private Task<HttpResponseMessage> KubectlAsync(string id, string token) => _server.Http.SendAsync(
        new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/kubectl")
        {
            Headers = { Authorization = new("Bearer", token) },
            Content = JsonContent.Create(new { command = "kubectl get pods" }),
        });
}
