using System.Text.Json;

namespace Playground.Server.Tests;

public sealed class ClusterHubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task The_owner_receives_every_write_in_order_with_its_actor_and_cause()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");

        var stream = await hub.StreamAsync("Watch", id, token, 0);
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");

        var seen = new List<JsonElement>();
        // The bootstrap's own writes come first, CoreDNS's ReplicaSet in kube-system among them.
        while (!seen.Any(e => Is(e, "ReplicaSet", "deployment-controller") && e.GetProperty("namespace").GetString() == "default"))
            seen.Add(await hub.NextItemAsync(stream));
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(e => e.GetProperty("revision").GetInt64()));
        Assert.Contains(seen, e => Is(e, "Namespace", "kube-apiserver") && e.GetProperty("name").GetString() == "kube-system");
        var deployment = Assert.Single(seen, e => Is(e, "Deployment", "kubectl"));
        Assert.Equal("ADDED", deployment.GetProperty("type").GetString());
        Assert.Equal("default", deployment.GetProperty("namespace").GetString());
        Assert.Equal("web", deployment.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, deployment.GetProperty("cause").ValueKind);
        Assert.True(deployment.TryGetProperty("time", out _));
        var replicaSet = seen.Last();
        Assert.Equal("ADDED", replicaSet.GetProperty("type").GetString());
        Assert.Equal(deployment.GetProperty("revision").GetInt64(), replicaSet.GetProperty("cause").GetInt64());
    }

    [Fact]
    public async Task The_stream_goes_on_from_the_revision_asked_for()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx");
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");

        var stream = await hub.StreamAsync("Watch", id, token, 5);

        Assert.Equal(6, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
        Assert.Equal(7, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task The_browser_cookie_is_accepted_instead_of_a_token()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster", cookie: $"pg.sbx.{id}={token}");

        var stream = await hub.StreamAsync("Watch", id, null, 0);

        Assert.Equal(1, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task A_message_past_4_KiB_closes_the_connection_after_a_normal_one_was_served()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");
        var stream = await hub.StreamAsync("Watch", id, token, 0);
        Assert.Equal(1, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());

        await hub.StreamAsync("Watch", new string('a', 4 * 1024), token, 0);

        // The writes already streamed may come first; then the server says it closes, and does.
        var message = await hub.NextAsync();
        while (message.GetProperty("type").GetInt32() == 2) message = await hub.NextAsync();
        Assert.Equal(7, message.GetProperty("type").GetInt32());
        Assert.True(message.TryGetProperty("error", out _));
        await Assert.ThrowsAnyAsync<System.Threading.Channels.ChannelClosedException>(() => hub.NextAsync());
    }

    [Fact]
    public async Task Asking_from_before_the_history_window_gets_an_explicit_gap_first()
    {
        await using var server = await PlaygroundServer.StartAsync(extraArguments: ["--Playground:Cluster:HistoryWindow", "3"]);
        var (id, token) = await server.CreateSandboxAsync();
        await server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=3");
        await using var hub = await JsonHubClient.ConnectAsync(server, "/hubs/cluster");

        var stream = await hub.StreamAsync("Watch", id, token, 0);

        var gap = await hub.NextItemAsync(stream);
        Assert.True(gap.GetProperty("gap").GetBoolean());
        Assert.Equal(1, gap.GetProperty("from").GetInt64());
        var oldest = gap.GetProperty("oldest").GetInt64();
        Assert.True(oldest > 1);
        Assert.Equal(oldest, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
        Assert.Equal(oldest + 1, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());
    }

    private static bool Is(JsonElement write, string kind, string actor) =>
        write.GetProperty("kind").GetString() == kind && write.GetProperty("actor").GetString() == actor;
}
