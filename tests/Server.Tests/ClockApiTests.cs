using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

public sealed class ClockApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task A_paused_clock_stands_still_and_its_pods_do_not_progress_until_an_advance_runs_their_timers()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var paused = await ClockOkAsync(Server, id, token, """{"paused": true}""");
        Assert.True(paused.GetProperty("paused").GetBoolean());

        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        // At the server's 60x, one real second would be a simulated minute: far past nginx's start.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(0, SandboxApiTests.RunningPods(await Server.KubectlOkAsync(id, token, "kubectl get pods"), "web-"));
        var still = await ClockOkAsync(Server, id, token, null);
        Assert.Equal(Now(paused), Now(still));

        var advanced = await ClockOkAsync(Server, id, token, """{"advance": "1m30s"}""");

        Assert.Equal(Now(paused) + TimeSpan.FromSeconds(90), Now(advanced));
        Assert.True(advanced.GetProperty("paused").GetBoolean());
        Assert.Equal(2, SandboxApiTests.RunningPods(await Server.KubectlOkAsync(id, token, "kubectl get pods"), "web-"));
    }

    [Fact]
    public async Task Speed_sets_how_many_simulated_seconds_pass_per_real_second()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var slow = await ClockOkAsync(Server, id, token, """{"speed": 0.25}""");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await ClockOkAsync(Server, id, token, """{"speed": 60, "paused": false}""");

        Assert.Equal(0.25, slow.GetProperty("speed").GetDouble());
        Assert.False(slow.GetProperty("paused").GetBoolean());
        var moved = Now(later) - Now(slow);
        Assert.True(moved > TimeSpan.Zero && moved < TimeSpan.FromSeconds(5), $"at 0.25x a real second or so moved the clock {moved}");
        Assert.Equal(60, later.GetProperty("speed").GetDouble());
    }

    [Theory]
    [InlineData("""{"speed": 100}""", "speed must be a number from 0.25 to 60")]
    [InlineData("""{"speed": 0.1}""", "speed must be a number from 0.25 to 60")]
    [InlineData("""{"speed": "fast"}""", "speed must be a number")]
    [InlineData("""{"paused": "yes"}""", "paused must be true or false")]
    [InlineData("""{"advance": "soon"}""", "advance must be a duration")]
    [InlineData("""{"advance": 90}""", "advance must be a duration")]
    [InlineData("""{"advance": "-5m"}""", "advance must be more than 0s")]
    [InlineData("""{"advance": "48h"}""", "at most 24h")]
    [InlineData("""{}""", "expected at least one of speed, paused, advance, step or settle")]
    [InlineData("""{"step": 0}""", "step must be a whole number of writes from 1 to 100, got 0")]
    [InlineData("""{"step": "one"}""", "step must be a whole number of writes from 1 to 100")]
    [InlineData("""{"settle": false}""", "settle must be true")]
    [InlineData("""{"step": 1, "settle": true}""", "send only one of them")]
    [InlineData("""[1]""", "not valid")]
    public async Task A_bad_value_is_a_400_Status_naming_the_field_and_changes_nothing(string body, string message)
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await ClockOkAsync(Server, id, token, """{"paused": true}""");
        var before = await ClockOkAsync(Server, id, token, null);

        var response = await ClockAsync(Server, id, token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal(400, status.GetProperty("code").GetInt32());
        Assert.Contains(message, status.GetProperty("message").GetString());
        var after = await ClockOkAsync(Server, id, token, null);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Only_the_owner_may_read_or_change_the_clock()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, otherToken) = await Server.CreateSandboxAsync();

        var anonymous = await ClockAsync(Server, id, null, """{"paused": true}""");
        var foreign = await ClockAsync(Server, id, otherToken, """{"paused": true}""");
        var unknown = await ClockAsync(Server, "zzzzzzzzzzzz", token, """{"paused": true}""");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False((await ClockOkAsync(Server, id, token, null)).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task A_step_stores_exactly_one_more_write_and_leaves_the_clock_paused_there()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var paused = await ClockOkAsync(Server, id, token, """{"paused": true}""");
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        var before = await ClockOkAsync(Server, id, token, null);
        // Paused, the command stored its own write and the controllers wait for the steps.
        Assert.Equal(paused.GetProperty("revision").GetInt64() + 1, before.GetProperty("revision").GetInt64());

        for (var i = 0; i < 12; i++)
        {
            var step = await ClockOkAsync(Server, id, token, """{"step": 1}""");

            var ran = step.GetProperty("ran");
            Assert.True(ran.GetProperty("reached").GetBoolean());
            Assert.Equal(1, ran.GetProperty("writes").GetInt32());
            Assert.Equal(before.GetProperty("revision").GetInt64() + 1, step.GetProperty("revision").GetInt64());
            Assert.True(step.GetProperty("paused").GetBoolean());
            Assert.Equal(Now(before) + TimeSpan.FromSeconds(ran.GetProperty("seconds").GetDouble()), Now(step), TimeSpan.FromMilliseconds(1));
            before = step;
        }
        // Nothing moves between steps.
        await Task.Delay(200);
        Assert.Equal(before.GetProperty("revision").GetInt64(), (await ClockOkAsync(Server, id, token, null)).GetProperty("revision").GetInt64());
        Assert.True(Now(before) >= Now(paused));
    }

    [Fact]
    public async Task A_step_pauses_a_running_clock()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var step = await ClockOkAsync(Server, id, token, """{"step": 3}""");

        Assert.True(step.GetProperty("paused").GetBoolean());
        Assert.Equal(3, step.GetProperty("ran").GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task Settle_runs_the_cluster_until_idle_and_says_how_far_it_went()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await ClockOkAsync(Server, id, token, """{"paused": true}""");
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        var before = await ClockOkAsync(Server, id, token, null);

        var settled = await ClockOkAsync(Server, id, token, """{"settle": true}""");

        var ran = settled.GetProperty("ran");
        Assert.True(ran.GetProperty("reached").GetBoolean());
        Assert.True(ran.GetProperty("writes").GetInt32() > 0);
        var seconds = ran.GetProperty("seconds").GetDouble();
        Assert.True(seconds is > 0 and <= 3600, $"settling took {seconds}s");
        Assert.Equal(Now(before) + TimeSpan.FromSeconds(seconds), Now(settled), TimeSpan.FromMilliseconds(1));
        Assert.True(settled.GetProperty("paused").GetBoolean());
        Assert.Equal(2, SandboxApiTests.RunningPods(await Server.KubectlOkAsync(id, token, "kubectl get pods"), "web-"));
    }

    [Fact]
    public async Task Speed_and_pause_survive_a_restart_and_a_paused_clock_has_not_moved()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var (id, token) = await first.CreateSandboxAsync();
        var paused = await ClockOkAsync(first, id, token, """{"speed": 2.5, "paused": true}""");
        await first.KillAsync();

        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory);
        var restored = await ClockOkAsync(second, id, token, null);

        Assert.True(restored.GetProperty("paused").GetBoolean());
        Assert.Equal(2.5, restored.GetProperty("speed").GetDouble());
        Assert.Equal(Now(paused), Now(restored));
    }

    private static DateTimeOffset Now(JsonElement clock) => clock.GetProperty("now").GetDateTimeOffset();

    /// <summary>POSTs <paramref name="body"/>, or GETs the clock when it is null.</summary>
    private static Task<HttpResponseMessage> ClockAsync(PlaygroundServer server, string id, string? token, string? body)
    {
        var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, $"/api/sandboxes/{id}/clock");
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return server.Http.SendAsync(request);
    }

    internal static async Task<JsonElement> ClockOkAsync(PlaygroundServer server, string id, string token, string? body)
    {
        var response = await ClockAsync(server, id, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
