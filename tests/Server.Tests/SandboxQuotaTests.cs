using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// One browser owns at most Playground:Limits:SandboxesPerVisitor sandboxes, however it asks for another; callers without a
/// visitor cookie are counted per address. Each test has its own server, as the address's bucket is the server's.
/// </summary>
public sealed class SandboxQuotaTests : IAsyncLifetime
{
    private const string Quota = "exceeded quota: sandboxes-per-visitor, requested: sandboxes=1, used: sandboxes=2, limited: sandboxes=2; delete one under \"My sandboxes\" first";

    private PlaygroundServer _server = null!;

    public async Task InitializeAsync() => _server = await PlaygroundServer.StartAsync(
        extraArguments: ["--Playground:Limits:SandboxesPerVisitor", "2", "--Playground:RateLimits:SandboxCreationsPerHour", "3"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_visitor_at_its_quota_is_refused_by_the_API_and_by_slash_with_a_page_and_nothing_is_stored()
    {
        var browser = await FullBrowserAsync();

        var api = await browser.SendAsync(HttpMethod.Post, "/api/sandboxes", new { name = "one more" });
        // Without the last sandbox's cookie, "/" would make a new one.
        browser.Set("pg.last", "");
        var page = await browser.SendAsync(HttpMethod.Get, "/");

        await AssertForbiddenStatusAsync(api);
        await AssertQuotaPageAsync(page);
        await AssertOwnsTwoAsync(browser);
    }

    [Fact]
    public async Task A_visitor_at_its_quota_forks_nothing_by_link_or_API()
    {
        var browser = await FullBrowserAsync();
        var (id, token) = await _server.CreateSandboxAsync();
        var (_, fork, _) = await _server.ShareAsync(id, token, "fork");

        await AssertForbiddenStatusAsync(await browser.SendAsync(HttpMethod.Post, $"/api/forks/{fork}"));
        await AssertQuotaPageAsync(await browser.SubmitAsync($"/fork/{fork}"));
        await AssertOwnsTwoAsync(browser);
    }

    [Fact]
    public async Task A_visitor_at_its_quota_joins_no_classroom()
    {
        var browser = await FullBrowserAsync();
        var classroom = await ClassroomClient.CreateAsync(_server);

        await AssertForbiddenStatusAsync(await classroom.JoinAsync("Ada", classroom.JoinCode, browser.Cookie));

        Assert.Empty(await classroom.StudentsAsync());
        await AssertOwnsTwoAsync(browser);
    }

    [Fact]
    public async Task Deleting_one_makes_room_for_another()
    {
        var browser = await FullBrowserAsync();
        var mine = await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK);

        await browser.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{mine[0].GetProperty("id").GetString()}").ExpectAsync(HttpStatusCode.NoContent);

        await browser.SendAsync(HttpMethod.Post, "/api/sandboxes").ExpectAsync(HttpStatusCode.Created);
        await AssertOwnsTwoAsync(browser);
    }

    [Fact]
    public async Task Without_a_visitor_cookie_an_address_makes_its_hourly_sandboxes_and_then_gets_429()
    {
        for (var i = 0; i < 3; i++) await _server.SendAsync(HttpMethod.Post, "/api/sandboxes").ExpectAsync(HttpStatusCode.Created);

        var api = await _server.SendAsync(HttpMethod.Post, "/api/sandboxes");
        var firstVisit = await _server.SendAsync(HttpMethod.Get, "/");

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {api.Headers.RetryAfter}");
        var status = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TooManyRequests", status.GetProperty("reason").GetString());
        Assert.Equal("too many sandboxes created from this address: at most 3 an hour without a visitor cookie; keep using the ones you have, or open the playground in a browser",
            status.GetProperty("message").GetString());
        // A first visit is no way around it: it would be a new visitor with a quota of its own, so it gets no cookie.
        Assert.Equal(HttpStatusCode.TooManyRequests, firstVisit.StatusCode);
        Assert.Contains("Too many new sandboxes", await firstVisit.Content.ReadAsStringAsync());
        Assert.False(firstVisit.Headers.Contains("Set-Cookie"));
    }

    /// <summary>A browser that made its first sandbox on "/" and a second through the API: as many as it may own.</summary>
    private async Task<SandboxBrowser> FullBrowserAsync()
    {
        var browser = new SandboxBrowser(_server);
        await browser.OpenAsync("/");
        await browser.SendAsync(HttpMethod.Post, "/api/sandboxes").ExpectAsync(HttpStatusCode.Created);
        return browser;
    }

    private static async Task AssertForbiddenStatusAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {text}");
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal("Forbidden", status.GetProperty("reason").GetString());
        Assert.Equal(Quota, status.GetProperty("message").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>A person gets a page that says why and leads to "My sandboxes", where one can be deleted.</summary>
    private static async Task AssertQuotaPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Too many sandboxes</h1>", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Quota), html);
        Assert.Contains("href=\"/sandboxes\"", html);
    }

    private static async Task AssertOwnsTwoAsync(SandboxBrowser browser) =>
        Assert.Equal(2, (await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
}
