using System.Net;
using System.Text.RegularExpressions;

namespace Playground.Server.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task After_kill_9_a_new_server_has_every_acknowledged_write_and_the_simulation_goes_on()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var (id, token) = await first.CreateSandboxAsync();
        await first.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=3");
        var pods = PodNames(await first.KubectlUntilAsync(id, token, "kubectl get pods", o => SandboxApiTests.RunningPods(o, "web-") == 3));
        await first.KubectlOkAsync(id, token, "kubectl create deployment api --image=nginx --replicas=2");
        await first.KillAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);

        var deployments = await second.KubectlOkAsync(id, token, "kubectl get deployments");
        Assert.Contains("web ", deployments);
        Assert.Contains("api ", deployments);
        var after = await second.KubectlUntilAsync(id, token, "kubectl get pods", o => SandboxApiTests.RunningPods(o, "api-") == 2);
        Assert.Subset(PodNames(after), pods);
        await second.KubectlOkAsync(id, token, "kubectl create deployment late --image=nginx");
        await second.KubectlUntilAsync(id, token, "kubectl get pods", o => SandboxApiTests.RunningPods(o, "late-") == 1);
    }

    [Fact]
    public async Task Simulated_time_never_runs_backwards_across_a_kill_9_even_when_nothing_was_written()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var (id, token) = await first.CreateSandboxAsync();
        var created = await NowAsync(first, id, token);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var seen = await NowAsync(first, id, token);
        Assert.True(seen - created >= TimeSpan.FromSeconds(30), $"the clock runs at 60x: {created:O} then {seen:O}");
        await first.KillAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);

        Assert.True(await NowAsync(second, id, token) >= seen);
    }

    private static async Task<DateTimeOffset> NowAsync(PlaygroundServer server, string id, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{id}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("now").GetDateTimeOffset();
    }

    [Fact]
    public async Task A_graceful_stop_is_quick_and_the_sandbox_opens_again_with_its_token_only()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var (id, token) = await first.CreateSandboxAsync();
        await first.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx");
        await first.StopAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);

        Assert.Contains("web ", await second.KubectlOkAsync(id, token, "kubectl get deployments"));
        Assert.Equal(HttpStatusCode.NotFound, (await second.KubectlAsync(id, token + "x", "kubectl get pods")).StatusCode);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(second.DatabaseFile + "-wal") + await File.ReadAllTextAsync(second.DatabaseFile));
    }

    private static HashSet<string> PodNames(string table) =>
        table.Split('\n').Skip(1).Select(line => Regex.Match(line, @"^\S+").Value).Where(n => n.Length > 0).ToHashSet();
}
