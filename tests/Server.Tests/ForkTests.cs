using System.Net;

namespace Playground.Server.Tests;

/// <summary>A fork link gives whoever opens it a sandbox of their own: a copy of the shared one as it stands, that then lives apart.</summary>
public sealed class ForkTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_fork_starts_as_a_copy_of_objects_and_clock_then_the_two_diverge()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        await Server.KubectlUntilAsync(id, token, "kubectl get pods", o => SandboxApiTests.RunningPods(o, "web-") == 2);
        await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { paused = true }).ExpectAsync(HttpStatusCode.OK);
        var source = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", token).ExpectAsync(HttpStatusCode.OK);
        var pods = await Server.KubectlOkAsync(id, token, "kubectl get pods -o name");
        var (_, fork, _) = await Server.ShareAsync(id, token, "fork");

        var created = await Server.SendAsync(HttpMethod.Post, $"/api/forks/{fork}").ExpectAsync(HttpStatusCode.Created);

        var (copy, copyToken) = (created.GetProperty("id").GetString()!, created.GetProperty("token").GetString()!);
        Assert.NotEqual(id, copy);
        Assert.NotEqual(token, copyToken);
        var copied = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{copy}", copyToken).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(source.GetProperty("revision").GetInt64(), copied.GetProperty("revision").GetInt64());
        Assert.Equal(source.GetProperty("now").GetDateTimeOffset(), copied.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(pods, await Server.KubectlOkAsync(copy, copyToken, "kubectl get pods -o name"));
        Assert.True((await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{copy}/clock", copyToken).ExpectAsync(HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
        Assert.Equal("Sandbox (fork)", created.GetProperty("name").GetString());

        await Server.KubectlOkAsync(copy, copyToken, "kubectl delete deployment web");
        await Server.KubectlOkAsync(id, token, "kubectl create configmap only-in-source");
        Assert.Contains("web", await Server.KubectlOkAsync(id, token, "kubectl get deployments"));
        Assert.DoesNotContain("web", (await Server.KubectlRunAsync(copy, copyToken, "kubectl get deployments")).Output);
        Assert.Equal(1, (await Server.KubectlRunAsync(copy, copyToken, "kubectl get configmap only-in-source")).ExitCode);
        // Each keeps its own token: neither opens the other.
        await Server.KubectlAsync(copy, token, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
        await Server.KubectlAsync(id, copyToken, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Opening_a_fork_link_only_asks_and_makes_nothing_until_its_form_is_posted()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{id}", token, new { name = "broken rollout" }).ExpectAsync(HttpStatusCode.OK);
        var (_, _, url) = await Server.ShareAsync(id, token, "fork");
        var path = new Uri(url).AbsolutePath;
        var before = await Server.CountAsync("Sandboxes");

        // What a link preview or a mail scanner does: a GET, or several.
        for (var i = 0; i < 3; i++)
        {
            using var page = await Server.Http.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Make your own copy of sandbox “broken rollout”", html);
            Assert.Contains(id, html);
            Assert.Contains("Fork it", html);
            Assert.False(page.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("pg.", StringComparison.Ordinal)));
        }
        Assert.Equal(before, await Server.CountAsync("Sandboxes"));

        var browser = new SandboxBrowser(Server);
        using var forked = await browser.SubmitAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, forked.StatusCode);
        Assert.Equal(before + 1, await Server.CountAsync("Sandboxes"));
        Assert.Matches("/s/[a-z0-9]+$", forked.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_browser_posting_a_fork_links_form_owns_the_new_sandbox_and_finds_it_in_its_list()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.SendAsync(HttpMethod.Patch, $"/api/sandboxes/{id}", token, new { name = "broken rollout" }).ExpectAsync(HttpStatusCode.OK);
        var (_, _, url) = await Server.ShareAsync(id, token, "fork");
        var browser = new SandboxBrowser(Server);

        using var forked = await browser.SubmitAsync(new Uri(url).AbsolutePath);

        var copy = forked.Headers.Location!.ToString().Split("/s/")[1];
        Assert.NotEqual(id, copy);
        Assert.NotNull(browser["pg.visitor"]);
        Assert.Equal(copy, browser["pg.last"]);
        await browser.SendAsync(HttpMethod.Post, $"/api/sandboxes/{copy}/kubectl", new { command = "kubectl create configmap mine" }).ExpectAsync(HttpStatusCode.OK);
        var mine = await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([(copy, "broken rollout (fork)")], mine.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("name").GetString())).ToList());
        // A second post is a second fork: the link is for whoever opens it, as often as they like.
        using var again = await browser.SubmitAsync(new Uri(url).AbsolutePath);
        Assert.NotEqual(forked.Headers.Location, again.Headers.Location);
    }

    [Fact]
    public async Task A_post_without_the_pages_antiforgery_token_or_to_a_link_revoked_meanwhile_forks_nothing()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (share, _, url) = await Server.ShareAsync(id, token, "fork");
        var path = new Uri(url).AbsolutePath;
        var browser = new SandboxBrowser(Server);
        var (action, fields) = await browser.ReadFormAsync(path);
        var before = await Server.CountAsync("Sandboxes");

        // Another site's form can name the page's form, but has neither the page's token nor this browser's cookies.
        using var foreign = await Server.SendAsync(HttpMethod.Post, path, content: new FormUrlEncodedContent(fields.Where(f => f.Key == "_handler")));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{share}", token).ExpectAsync(HttpStatusCode.NoContent);
        using var revoked = await browser.SendAsync(HttpMethod.Post, action, content: new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("This fork link does not work: it was revoked, or its sandbox was deleted.", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(before, await Server.CountAsync("Sandboxes"));
        Assert.Null(browser["pg.last"]);
    }

    [Fact]
    public async Task A_view_token_forks_nothing_and_a_revoked_fork_link_neither()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, view, _) = await Server.ShareAsync(id, token, "view");
        var (share, fork, _) = await Server.ShareAsync(id, token, "fork");
        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{share}", token).ExpectAsync(HttpStatusCode.NoContent);

        foreach (var tried in new[] { view, fork, token, "nonsense" })
        {
            var refused = await Server.SendAsync(HttpMethod.Post, $"/api/forks/{tried}").ExpectAsync(HttpStatusCode.NotFound);
            Assert.Equal("this fork link does not exist: it was revoked, or its sandbox was deleted", refused.GetProperty("message").GetString());
        }
    }
}
