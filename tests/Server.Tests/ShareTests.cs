using System.Buffers.Text;
using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>Share links: made, listed and revoked by the owner, and a revoked link stops working at once, also where it is open.</summary>
public sealed class ShareTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_link_has_a_random_token_of_at_least_128_bits_shown_once_and_listed_by_id_only()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var view = await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/shares", token, new { access = "view" }).ExpectAsync(HttpStatusCode.Created);
        var fork = await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/shares", token, new { access = "fork" }).ExpectAsync(HttpStatusCode.Created);
        var list = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/shares", token).ExpectAsync(HttpStatusCode.OK);

        var viewToken = view.GetProperty("token").GetString()!;
        Assert.True(Base64Url.DecodeFromChars(viewToken).Length >= 16);
        Assert.NotEqual(viewToken, fork.GetProperty("token").GetString());
        Assert.Equal(new Uri(Server.BaseAddress, $"/view/{viewToken}").ToString(), view.GetProperty("url").GetString());
        Assert.EndsWith($"/fork/{fork.GetProperty("token").GetString()}", fork.GetProperty("url").GetString());
        Assert.Equal(
            [(view.GetProperty("id").GetString(), "view"), (fork.GetProperty("id").GetString(), "fork")],
            list.EnumerateArray().Select(s => (s.GetProperty("id").GetString(), s.GetProperty("access").GetString())).ToList());
        Assert.DoesNotContain(viewToken, list.GetRawText());
        Assert.All(list.EnumerateArray(), s => Assert.True(s.TryGetProperty("createdAt", out _)));
    }

    [Fact]
    public async Task A_link_revoked_by_its_id_or_by_its_token_stops_working_for_every_route()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (byId, viewA, _) = await Server.ShareAsync(id, token, "view");
        var (_, viewB, _) = await Server.ShareAsync(id, token, "view");
        var api = new ApiSandbox(Server, id, token);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/pods"), id, viewA)).StatusCode);

        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{byId}", token).ExpectAsync(HttpStatusCode.NoContent);
        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{viewB}", token).ExpectAsync(HttpStatusCode.NoContent);

        foreach (var view in new[] { viewA, viewB })
        {
            await Server.KubectlAsync(id, view, "kubectl get pods").ExpectAsync(HttpStatusCode.NotFound);
            await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", view).ExpectAsync(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/pods"), id, view)).StatusCode);
        }
        Assert.Empty((await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/shares", token).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        var again = await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{byId}", token).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal($"sandbox {id} has no share link \"{byId}\"", again.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Revoking_a_link_ends_its_open_hub_stream_at_once_and_leaves_the_owners_running()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (share, view, _) = await Server.ShareAsync(id, token, "view");
        await using var viewer = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");
        await using var owner = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");
        // Paused, the cluster writes nothing of its own: the streams' next items are the owner's writes.
        await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { paused = true }).ExpectAsync(HttpStatusCode.OK);
        var revision = await Server.RevisionAsync(id, token);
        var viewing = await viewer.StreamAsync("Watch", id, view, revision);
        var owning = await owner.StreamAsync("Watch", id, token, revision);
        await Server.KubectlOkAsync(id, token, "kubectl create configmap one");
        Assert.Equal("one", (await viewer.NextItemAsync(viewing)).GetProperty("name").GetString());
        Assert.Equal("one", (await owner.NextItemAsync(owning)).GetProperty("name").GetString());

        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{share}", token).ExpectAsync(HttpStatusCode.NoContent);

        var ended = await viewer.NextAsync();
        Assert.Equal(3, ended.GetProperty("type").GetInt32());
        // SignalR names a hub error in a stream after its own words; the message is ours.
        Assert.EndsWith("HubException: this link was revoked by the sandbox's owner", ended.GetProperty("error").GetString());
        await Server.KubectlOkAsync(id, token, "kubectl create configmap two");
        Assert.Equal("two", (await owner.NextItemAsync(owning)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Revoking_a_link_ends_a_Kubernetes_watch_it_opened()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (share, view, _) = await Server.ShareAsync(id, token, "view");
        var api = new ApiSandbox(Server, id, token);
        using var response = await Server.KubeApi.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}/api/v1/namespaces/default/configmaps?watch=1"))
            {
                Headers = { Authorization = new("Bearer", view) },
            }, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reading = ReadToEndAsync(await response.Content.ReadAsStreamAsync());

        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{share}", token).ExpectAsync(HttpStatusCode.NoContent);

        Assert.True(await reading.WaitAsync(TimeSpan.FromSeconds(10)), "the watch ended");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.SendAsync(new ApiRequest(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?watch=1"), id, view)).StatusCode);
    }

    [Fact]
    public async Task A_browser_opening_a_view_link_gets_its_cookie_and_the_workspace_while_the_owner_keeps_owning()
    {
        var owner = new SandboxBrowser(Server);
        var workspace = await owner.OpenAsync("/");
        var id = workspace["/s/".Length..];
        var token = owner[$"pg.sbx.{id}"]!;
        var (_, view, url) = await Server.ShareAsync(id, token, "view");
        var path = new Uri(url).AbsolutePath;

        var visitor = new SandboxBrowser(Server);
        Assert.Equal($"/s/{id}", await visitor.OpenAsync(path));
        Assert.Equal($"/s/{id}", await owner.OpenAsync(path));

        Assert.Equal(view, visitor[$"pg.sbx.{id}"]);
        Assert.Null(visitor["pg.last"]);
        Assert.Equal(token, owner[$"pg.sbx.{id}"]);
        var read = await visitor.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/kubectl", new { command = "kubectl get nodes" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, read.GetProperty("exitCode").GetInt32());
        await visitor.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/reset").ExpectAsync(HttpStatusCode.Forbidden);
        // The visitor's own "/" is a sandbox of its own, not the one it viewed.
        Assert.NotEqual($"/s/{id}", await visitor.OpenAsync("/"));
    }

    [Fact]
    public async Task A_link_that_does_not_work_is_a_page_that_says_so()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (share, view, _) = await Server.ShareAsync(id, token, "view");
        var (forkShare, fork, _) = await Server.ShareAsync(id, token, "fork");
        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{share}", token).ExpectAsync(HttpStatusCode.NoContent);
        await Server.SendAsync(HttpMethod.Delete, $"/api/sandboxes/{id}/shares/{forkShare}", token).ExpectAsync(HttpStatusCode.NoContent);

        foreach (var path in new[] { $"/view/{view}", $"/fork/{view}", $"/fork/{fork}", "/view/nonsense", "/fork/nonsense" })
        {
            using var response = await Server.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("revoked, or its sandbox was deleted", await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<bool> ReadToEndAsync(Stream stream)
    {
        try
        {
            await stream.CopyToAsync(Stream.Null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // An aborted connection ends the watch as well as a closed one does.
        }
        return true;
    }
}
