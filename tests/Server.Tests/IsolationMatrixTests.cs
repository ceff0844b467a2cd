using System.Net;
using System.Reflection;
using Playground.Server.Hubs;

namespace Playground.Server.Tests;

/// <summary>
/// Tenants are kept apart on every way in: each route the server maps (read from its endpoint data sources, so a new
/// route without an entry in <see cref="IsolationMatrix"/> fails here) and each ClusterHub method is tried by strangers,
/// who are refused, learn nothing of the victim, and change nothing.
/// </summary>
public sealed class IsolationMatrixTests(IsolationVictims victims) : IClassFixture<IsolationVictims>
{
    /// <summary>How each ClusterHub method is invoked for a sandbox with a token; a method without an entry fails.</summary>
    private static readonly Dictionary<string, Func<string, string?, object?[]>> HubMethods = new()
    {
        [nameof(ClusterHub.Watch)] = (sandboxId, token) => [sandboxId, token, 0],
    };

    public static TheoryData<string> Routes()
    {
        var (routes, _) = InProcessPlayground.RoutesAsync().GetAwaiter().GetResult();
        return [.. routes.Select(r => r.ToString())];
    }

    public static TheoryData<string> ClusterHubMethods() =>
        [.. typeof(ClusterHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Distinct()];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_refuses_strangers_leaks_nothing_and_changes_nothing(string route)
    {
        Assert.True(IsolationMatrix.Routes.TryGetValue(route, out var entry),
            $"{route} has no entry in IsolationMatrix: add the probes that show how it refuses other tenants, or why it is public");
        if (entry.Probes is null) return;
        var before = await victims.StateAsync();

        var probes = entry.Probes(victims).ToList();
        Assert.NotEmpty(probes);
        foreach (var probe in probes)
        {
            using var response = await probe.Send();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(probe.Refusals.Contains(response.StatusCode), $"{route}, {probe.Who}: {(int)response.StatusCode} {Excerpt(body)}");
            AssertLeaksNothing($"{route}, {probe.Who}", body + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
            if (probe.Check?.Invoke(response) is { } problem) Assert.Fail($"{route}, {probe.Who}: {problem}");
        }

        Assert.Equal(before, await victims.StateAsync());
    }

    [Fact]
    public async Task Every_entry_of_the_matrix_is_a_route_the_server_maps_and_the_static_assets_are_files_only()
    {
        var (routes, staticAssets) = await InProcessPlayground.RoutesAsync();

        Assert.Empty(IsolationMatrix.Routes.Keys.Except(routes.Select(r => r.ToString())));
        // Static web assets (the page's scripts and styles) are public by design; they are many, so they are counted here, not listed.
        Assert.True(staticAssets > 0);
    }

    [Theory]
    [MemberData(nameof(ClusterHubMethods))]
    public async Task Every_hub_method_refuses_a_foreign_sandbox_with_not_found_and_streams_nothing(string method)
    {
        Assert.True(HubMethods.TryGetValue(method, out var arguments), $"ClusterHub.{method} has no entry in {nameof(HubMethods)}");
        var v = victims;
        var before = await v.StateAsync();
        var attempts = new (string Who, string SandboxId, string? Token, string? Cookie)[]
        {
            ("no credential", v.VictimId, null, null),
            ("another owner's token", v.VictimId, v.AttackerToken, null),
            ("another browser's cookies", v.VictimId, null, v.AttackerCookies),
            ("a student's token", v.VictimId, v.Student.Token, null),
            ("a fork token", v.VictimId, v.ForkToken, null),
            ("a classroom's instructor token", v.Student.SandboxId, v.Classroom.InstructorToken, null),
            ("an unknown id", IsolationVictims.UnknownId, v.AttackerToken, null),
            ("a malformed id", IsolationVictims.MalformedId, v.AttackerToken, null),
        };

        foreach (var (who, sandboxId, token, cookie) in attempts)
        {
            await using var hub = await JsonHubClient.ConnectAsync(v.Server, "/hubs/cluster", cookie);
            var stream = await hub.StreamAsync(method, arguments(sandboxId, token));
            var answer = await hub.NextAsync();
            Assert.True(answer.GetProperty("type").GetInt32() == 3, $"{method}, {who}: expected the stream's end with an error, got {answer}");
            Assert.Equal(stream, answer.GetProperty("invocationId").GetString());
            // SignalR puts its own words before a stream method's HubException.
            Assert.EndsWith($"HubException: sandboxes \"{sandboxId}\" not found", answer.GetProperty("error").GetString());
            AssertLeaksNothing($"{method}, {who}", answer.ToString());
        }

        Assert.Equal(before, await v.StateAsync());
    }

    private void AssertLeaksNothing(string attempt, string answer)
    {
        foreach (var secret in victims.Secrets)
            Assert.False(answer.Contains(secret, StringComparison.Ordinal), $"{attempt}: the answer shows \"{secret}\": {Excerpt(answer)}");
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
