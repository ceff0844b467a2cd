using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>"My sandboxes": a browser's own sandboxes, listed, named, reset and deleted, and another one created ("New sandbox").</summary>
public sealed class SandboxListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_browser_gets_a_visitor_cookie_on_its_first_visit_and_lists_the_sandboxes_it_made()
    {
        var browser = new SandboxBrowser(Server);
        var first = (await browser.OpenAsync("/"))["/s/".Length..];
        var second = (await browser.SendAsync(HttpMethod.Post, "/api/sandboxes").ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var named = (await browser.SendAsync(HttpMethod.Post, "/api/sandboxes", new { name = "  scheduling practice " }).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await Server.CreateSandboxAsync();
        var other = new SandboxBrowser(Server);
        await other.OpenAsync("/");

        var list = await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK);

        var visitor = browser["pg.visitor"]!;
        Assert.True(System.Buffers.Text.Base64Url.DecodeFromChars(visitor).Length >= 16);
        Assert.Equal([(first, "Sandbox 1"), (second, "Sandbox 2"), (named, "scheduling practice")],
            list.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("name").GetString())).ToList());
        var line = list[0];
        Assert.True(line.GetProperty("revision").GetInt64() > 0);
        Assert.True(line.GetProperty("lastActivityAt").GetDateTimeOffset() >= line.GetProperty("createdAt").GetDateTimeOffset());
        Assert.False(line.GetProperty("hibernated").GetBoolean());
        // "/" brings the browser back to its last sandbox, not to a new one.
        Assert.Equal($"/s/{named}", await browser.OpenAsync("/"));
        Assert.Single((await other.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task New_sandbox_posts_a_form_that_makes_a_new_one_each_time_while_slash_keeps_returning_to_the_last()
    {
        var browser = new SandboxBrowser(Server);
        var first = await browser.OpenAsync("/");

        var made = await browser.SubmitAsync(first, "/new");

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var second = made.Headers.Location!.OriginalString;
        Assert.Matches("^/s/[a-z0-9]+$", second);
        Assert.NotEqual(first, second);
        var id = second["/s/".Length..];
        Assert.Equal(id, browser["pg.last"]);
        Assert.NotNull(browser[$"pg.sbx.{id}"]);
        Assert.Equal(second, await browser.OpenAsync("/"));
        var third = (await browser.SubmitAsync("/sandboxes", "/new")).Headers.Location!.OriginalString;
        Assert.DoesNotContain(third, new[] { first, second });
        var mine = await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([first, second, third], mine.EnumerateArray().Select(s => $"/s/{s.GetProperty("id").GetString()}").ToList());
    }

    [Fact]
    public async Task A_post_to_new_without_the_pages_antiforgery_token_makes_nothing_and_sets_no_cookie()
    {
        var browser = new SandboxBrowser(Server);
        await browser.OpenAsync("/");
        var visitor = browser["pg.visitor"];
        var before = await Server.CountAsync("Sandboxes");

        // As another site's form arrives: without this browser's SameSite=Strict cookies; and as a stale form, with them but no token.
        using var foreign = await Server.SendAsync(HttpMethod.Post, "/new", content: new FormUrlEncodedContent([]));
        using var tokenless = await browser.SendAsync(HttpMethod.Post, "/new", content: new FormUrlEncodedContent([]));

        foreach (var refused in new[] { foreign, tokenless })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("reload the page", (await refused.JsonAsync()).GetProperty("message").GetString());
            Assert.False(refused.Headers.Contains("Set-Cookie"));
        }
        Assert.Equal(before, await Server.CountAsync("Sandboxes"));
        Assert.Equal(visitor, browser["pg.visitor"]);
    }

    [Fact]
    public async Task Without_a_visitor_cookie_the_list_is_refused_with_a_reason()
    {
        var refused = await Server.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("pg.visitor", refused.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_visitor_cookie_alone_opens_the_browsers_own_sandboxes()
    {
        var browser = new SandboxBrowser(Server);
        var id = (await browser.OpenAsync("/"))["/s/".Length..];

        var info = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", cookie: $"pg.visitor={browser["pg.visitor"]}").ExpectAsync(HttpStatusCode.OK);
        await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", cookie: $"pg.visitor={new string('a', 43)}").ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("owner", info.GetProperty("access").GetString());
    }

    [Fact]
    public async Task Renaming_trims_the_name_and_refuses_bad_ones_with_a_clear_400()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var renamed = await Server.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{id}", token, new { name = " services lab " }).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("services lab", renamed.GetProperty("name").GetString());
        var problems = new (object Body, string Message)[]
        {
            (new { name = "   " }, "name must not be empty"),
            (new { }, "name must not be empty"),
            (new { name = new string('x', 61) }, "name must be at most 60 characters, got 61"),
            (new { name = "two\nlines" }, "name must not contain control characters such as line breaks or tabs"),
        };
        foreach (var (body, message) in problems)
        {
            var refused = await Server.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{id}", token, body).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(message, refused.GetProperty("message").GetString());
        }
        var wrong = await Server.SendAsync(HttpMethod.Post, "/api/sandboxes", json: new { name = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("name must not be empty", wrong.GetProperty("message").GetString());
        Assert.Equal("services lab", (await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", token).ExpectAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deleting_a_sandbox_ends_its_tokens_links_and_open_streams_and_takes_it_off_the_list()
    {
        var browser = new SandboxBrowser(Server);
        var id = (await browser.OpenAsync("/"))["/s/".Length..];
        var token = browser[$"pg.sbx.{id}"]!;
        var (_, view, _) = await Server.ShareAsync(id, token, "view");
        var (_, fork, _) = await Server.ShareAsync(id, token, "fork");
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");
        var stream = await hub.StreamAsync("Watch", id, view, 1);
        await hub.NextItemAsync(stream);

        await browser.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}").ExpectAsync(HttpStatusCode.NoContent);

        JsonElement ended;
        do ended = await hub.NextAsync();
        while (ended.GetProperty("type").GetInt32() == 2);
        Assert.EndsWith($"HubException: sandbox {id} was deleted", ended.GetProperty("error").GetString());
        Assert.Null(browser[$"pg.sbx.{id}"]);
        await Server.KubectlAsync(id, token, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
        await Server.KubectlAsync(id, view, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
        await Server.SendAsync(HttpMethod.Post, $"/api/forks/{fork}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await new ApiSandbox(Server, id, token).SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/pods"))).StatusCode);
        Assert.Empty((await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}", token).ExpectAsync(HttpStatusCode.NotFound);
        // "/" makes a new sandbox once the last one is gone.
        Assert.NotEqual($"/s/{id}", await browser.OpenAsync("/"));
    }
}
