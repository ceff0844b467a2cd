using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Playground.Core.Simulation;
using Playground.Server.Sandboxes;

namespace Playground.Server.Tests;

/// <summary>A reset takes a sandbox back to its seed; open streams and watches are told, and no revision is reused.</summary>
public sealed class SandboxResetTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_reset_sandbox_is_as_new_with_revisions_past_the_old_ones_and_its_hub_stream_says_so()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { advance = "1h" }).ExpectAsync(HttpStatusCode.OK);
        var before = await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}", token).ExpectAsync(HttpStatusCode.OK);
        var oldRevision = before.GetProperty("revision").GetInt64();
        await using var hub = await JsonHubClient.ConnectAsync(Server, "/hubs/cluster");
        // From one before, so that the first item shows the subscription is in place before the reset.
        var stream = await hub.StreamAsync("Watch", id, token, oldRevision - 1);
        Assert.Equal(oldRevision, (await hub.NextItemAsync(stream)).GetProperty("revision").GetInt64());

        var after = await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/reset", token).ExpectAsync(HttpStatusCode.OK);

        Assert.True(after.GetProperty("revision").GetInt64() > oldRevision + 1);
        Assert.True(after.GetProperty("now").GetDateTimeOffset() >= before.GetProperty("now").GetDateTimeOffset(), "the clock never runs backwards");
        JsonElement message;
        do message = await hub.NextAsync();
        while (message.GetProperty("type").GetInt32() == 2 && !message.GetProperty("item").TryGetProperty("reset", out _));
        Assert.True(message.GetProperty("item").GetProperty("reset").GetBoolean());
        var completion = await hub.NextAsync();
        Assert.Equal(3, completion.GetProperty("type").GetInt32());
        Assert.False(completion.TryGetProperty("error", out _));

        Assert.Equal(1, (await Server.KubectlRunAsync(id, token, "kubectl get deployment web")).ExitCode);
        Assert.Equal(3, (await Server.KubectlOkAsync(id, token, "kubectl get nodes --no-headers")).Trim().Split('\n').Length);
        await Server.KubectlUntilAsync(id, token, "kubectl -n kube-system get pods", o => SandboxApiTests.RunningPods(o, "coredns-") == 2);
        Assert.False((await Server.SendAsync(HttpMethod.Get, $"/api/sandboxes/{id}/clock", token).ExpectAsync(HttpStatusCode.OK)).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task A_Kubernetes_watch_ends_at_a_reset_and_watching_again_from_an_old_revision_is_410_Gone()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var api = new ApiSandbox(Server, id, token);
        await Server.KubectlOkAsync(id, token, "kubectl create configmap settings");
        var revision = await api.RevisionAsync();
        using var watch = await Server.KubeApi.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={revision}"))
            {
                Headers = { Authorization = new("Bearer", token) },
            }, HttpCompletionOption.ResponseHeadersRead);
        var reading = new StreamReader(await watch.Content.ReadAsStreamAsync()).ReadToEndAsync();

        await Server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/reset", token).ExpectAsync(HttpStatusCode.OK);

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        var again = await api.SendAsync(new ApiRequest(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=1&resourceVersion={revision}"));
        var error = JsonDocument.Parse((await again.Content.ReadAsStringAsync()).Split('\n')[0]).RootElement;
        Assert.Equal("ERROR", error.GetProperty("type").GetString());
        Assert.Equal(410, error.GetProperty("object").GetProperty("code").GetInt32());
        var list = await api.GetAsync("/api/v1/namespaces/default/configmaps");
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!["metadata"]!["name"]!.GetValue<string>() == "settings");
        Assert.True(long.Parse(list["metadata"]!["resourceVersion"]!.GetValue<string>()) > long.Parse(revision));
    }
}

/// <summary>Seeds: the starting state a sandbox is created from and reset to, kept across restarts.</summary>
public sealed class SandboxSeedTests : IAsyncLifetime
{
    private const string Manifests = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: lesson
        data:
          step: "1"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """;

    private TempDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TempDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SandboxRegistry NewRegistry() => new(_database.Databases, Options.Create(new PlaygroundOptions { ClockSpeed = 60 }),
        TimeProvider.System, NullLogger<SandboxRegistry>.Instance);

    [Fact]
    public async Task A_seeded_sandbox_starts_with_the_seeds_objects_written_by_the_scenario_and_a_reset_brings_them_back()
    {
        await using var registry = NewRegistry();
        var created = await registry.CreateAsync(new SandboxSeed(new ClusterOptions { Nodes = 2 }, Manifests), name: "lesson 1");
        var sandbox = (await registry.LoadAsync(created.Id))!;
        Assert.Equal("scenario", await sandbox.RunAsync(c => c.Store.List("configmaps", "default").Single(r => r.Key.Name == "lesson").Actor));
        await sandbox.RunAsync(c => c.Kubectl("kubectl delete configmap lesson"));
        await sandbox.RunAsync(c => c.Kubectl("kubectl create configmap extra"));
        var before = await sandbox.RunAsync(c => c.Store.Revision);

        Assert.True(await registry.ResetAsync(created.Id));

        var (revision, names, nodes) = await sandbox.RunAsync(c => (c.Store.Revision,
            c.Store.List("configmaps", "default").Select(r => r.Key.Name).ToList(), c.Store.List("nodes").Count()));
        Assert.True(revision > before);
        Assert.Contains("lesson", names);
        Assert.DoesNotContain("extra", names);
        Assert.Equal(2, nodes);
        Assert.False(await registry.ResetAsync("zzzzzzzzzzzz"));

        await registry.StopAllAsync();
        await using var restarted = NewRegistry();
        var restored = (await restarted.LoadAsync(created.Id))!;
        var (restoredRevision, restoredNames) = await restored.RunAsync(c => (c.Store.Revision, c.Store.List("configmaps", "default").Select(r => r.Key.Name).ToList()));
        Assert.True(restoredRevision >= revision);
        Assert.Contains("lesson", restoredNames);
        Assert.DoesNotContain("extra", restoredNames);
        Assert.Equal("lesson 1", await restarted.NameAsync(created.Id));
    }

    [Fact]
    public async Task A_seed_whose_manifests_cannot_be_created_is_refused_and_nothing_is_stored()
    {
        await using var registry = NewRegistry();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            registry.CreateAsync(new SandboxSeed(new ClusterOptions(), "apiVersion: v1\nkind: Gadget\nmetadata:\n  name: g\n")));

        Assert.StartsWith("the seed's manifests cannot be created: no matches for kind \"Gadget\" in version \"v1\"", error.Message);
        await using var db = await _database.Databases.CreateDbContextAsync();
        Assert.Empty(db.Sandboxes);
    }
}
