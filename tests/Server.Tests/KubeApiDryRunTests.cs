namespace Playground.Server.Tests;

/// <summary>kubectl --dry-run=server: the API judges the whole write and answers with its result, and the sandbox does not change.</summary>
public sealed class KubeApiDryRunTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task Server_dry_runs_of_real_kubectl_answer_as_the_write_would_and_write_nothing()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        using var kubectl = await RealKubectl.ForAsync(Server, id, token);
        await kubectl.OkAsync("create deployment web --image=nginx --replicas=2");
        var sandbox = new ApiSandbox(Server, id, token);
        // Paused after the pods have started, so that nothing but these commands could move the revision.
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"paused": true}""");
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"advance": "2m"}""");
        var revision = await sandbox.RevisionAsync();

        var created = await kubectl.OkAsync("create deployment other --image=nginx --dry-run=server -o yaml");
        var service = await kubectl.OkAsync("expose deployment web --port=80 --type=NodePort --dry-run=server -o jsonpath={.spec.clusterIP}");
        var scaled = await kubectl.OkAsync("scale deployment web --replicas=5 --dry-run=server");
        var labelled = await kubectl.OkAsync("label deployment web tier=front --dry-run=server");
        var deleted = await kubectl.OkAsync("delete deployment web --dry-run=server");
        var refused = await kubectl.RunAsync("create deployment Bad_Name --image=nginx --dry-run=server");

        // The answers come from the server: defaults filled in, a Service address allocated, upstream's wording.
        Assert.Contains("progressDeadlineSeconds: 600", created);
        Assert.Matches(@"^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$", service);
        Assert.Equal("deployment.apps/web scaled (server dry run)\n", scaled);
        Assert.Equal("deployment.apps/web labeled (server dry run)\n", labelled);
        Assert.Equal("deployment.apps \"web\" deleted (server dry run)\n", deleted);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Invalid value: \"Bad_Name\"", refused.Error);
        Assert.Equal(revision, await sandbox.RevisionAsync());
        Assert.Equal("2", await kubectl.OkAsync("get deployment web -o jsonpath={.spec.replicas}"));
        Assert.Equal("", await kubectl.OkAsync("get deployment web -o jsonpath={.metadata.labels.tier}"));
        Assert.Contains("NotFound", (await kubectl.RunAsync("get deployment other")).Error);
        Assert.Contains("NotFound", (await kubectl.RunAsync("get service web")).Error);
    }
}
