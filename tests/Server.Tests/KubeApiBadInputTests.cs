using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Playground.Server.Tests;

/// <summary>
/// Issue 4's bad input, over every route the sandbox's own discovery lists, so that a new kind or subresource is covered
/// without a change here: every write route answers malformed, mistyped, oversized, invalid, stale and mismatched
/// requests with a 4xx Status that says what is wrong, writes nothing and leaves another sandbox alone; and every route
/// and verb refuses a request without the sandbox's own token. Each test reports every failing request at once.
/// </summary>
public sealed class KubeApiBadInputTests(KubeApiBadInputTests.Sandboxes sandboxes, ITestOutputHelper output) : IClassFixture<KubeApiBadInputTests.Sandboxes>
{
    [Fact]
    public async Task Every_write_route_answers_bad_input_with_a_4xx_Status_naming_the_problem_and_writes_nothing()
    {
        var (a, b) = (sandboxes.A, sandboxes.B);
        var batches = await KubeApiBadInputs.ForAsync(a, sandboxes.Routes);
        var cases = batches.SelectMany(batch => batch).ToList();
        var otherRevision = await b.RevisionAsync();
        var revision = await a.RevisionAsync();

        var failures = new List<string>();
        foreach (var batch in batches)
        {
            var answers = await Task.WhenAll(batch.Select(async bad => (Case: bad, Problem: await bad.CheckAsync(await a.SendAsync(bad.Request)))));
            failures.AddRange(answers.Where(answer => answer.Problem is not null).Select(answer => $"{answer.Case}: {answer.Problem}"));
            // A request that writes nearly always answers 2xx too; this catches one that wrote and still said no.
            if (await a.RevisionAsync() is var now && now != revision)
            {
                failures.Add($"one of these wrote (revision {revision} -> {now}): {string.Join("; ", batch.Select(c => c.ToString()))}");
                revision = now;
            }
        }
        if (await b.RevisionAsync() is var after && after != otherRevision) failures.Add($"the other sandbox changed (revision {otherRevision} -> {after})");

        var uncovered = sandboxes.Routes.Where(r => r.Subresource != "exec" && r.Verbs.Any(KubeApiBadInputs.WriteVerbs.Contains))
            .Except(cases.Select(c => c.Route)).ToList();
        output.WriteLine($"{cases.Count} bad requests over {cases.Select(c => c.Route).Distinct().Count()} write routes");
        Assert.Empty(uncovered);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} bad requests were mishandled:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task Every_route_and_verb_refuses_a_missing_token_with_401_and_any_other_token_with_a_403_that_tells_nothing()
    {
        var (a, b) = (sandboxes.A, sandboxes.B);
        var requests = AuthRequests(sandboxes.Routes);
        var revisions = (await a.RevisionAsync(), await b.RevisionAsync());
        var unknown = "nosuchsandbox" + Guid.NewGuid().ToString("N")[..8];

        var failures = new List<string>();
        foreach (var request in requests)
        {
            var answers = new[]
            {
                ("no token", 401, a.Id, await a.SendAsync(request, a.Id, null)),
                ("no token, unknown sandbox", 401, unknown, await a.SendAsync(request, unknown, null)),
                ("another sandbox's token", 403, a.Id, await a.SendAsync(request, a.Id, b.Token)),
                ("a made-up token", 403, a.Id, await a.SendAsync(request, a.Id, "not-a-token")),
                ("a token, unknown sandbox", 403, unknown, await a.SendAsync(request, unknown, a.Token)),
            };
            var bodies = new Dictionary<int, string>();
            foreach (var (who, code, id, response) in answers)
            {
                var text = (await response.Content.ReadAsStringAsync()).Replace(id, "{id}");
                if (BadInput.Problem((int)response.StatusCode, text, [code], []) is { } problem)
                    failures.Add($"{request} [{who}]: {problem}");
                else if (bodies.TryGetValue(code, out var first) && first != text)
                    failures.Add($"{request} [{who}]: the {code} differs from the others, so it tells something: {text} vs {first}");
                else bodies[code] = text;
            }
        }
        if ((await a.RevisionAsync(), await b.RevisionAsync()) is var after && after != revisions) failures.Add($"a refused request wrote: revisions {revisions} -> {after}");

        output.WriteLine($"{requests.Count} requests, each sent 5 ways");
        Assert.True(failures.Count == 0, $"{failures.Count} answers were wrong:\n{string.Join('\n', failures)}");
    }

    /// <summary>One request per route and verb (with a body that would write, were it let in), and the discovery documents.</summary>
    private static List<ApiRequest> AuthRequests(IReadOnlyList<DiscoveredRoute> routes)
    {
        var requests = new List<ApiRequest> { new(HttpMethod.Get, "/version"), new(HttpMethod.Get, "/api"), new(HttpMethod.Get, "/apis"), new(HttpMethod.Get, "/openapi/v2"), new(HttpMethod.Get, "/openapi/v3") };
        foreach (var groupVersion in routes.Select(r => r.GroupVersion).Distinct())
            requests.Add(new(HttpMethod.Get, groupVersion.Contains('/') ? $"/apis/{groupVersion}" : $"/api/{groupVersion}"));
        foreach (var route in routes)
        {
            var name = OneOfEachKind.Name;
            var body = (OneOfEachKind.For(route.GroupVersion, route.Kind) ?? new JsonObject { ["kind"] = route.Kind, ["metadata"] = new JsonObject { ["name"] = name } }).ToJsonString();
            foreach (var verb in route.Verbs)
                requests.Add(verb switch
                {
                    "get" => new(HttpMethod.Get, route.Object(name)),
                    "list" => new(HttpMethod.Get, route.Collection),
                    "watch" => new(HttpMethod.Get, route.Collection + "?watch=true"),
                    "create" => new(HttpMethod.Post, route.Subresource is null ? route.Collection : route.Object(name), body),
                    "update" => new(HttpMethod.Put, route.Object(name), body),
                    "patch" => new(HttpMethod.Patch, route.Object(name), """{"metadata":{"labels":{"let":"in"}}}""", KubeApiBadInputs.MergePatch),
                    "delete" => new(HttpMethod.Delete, route.Object(name)),
                    "deletecollection" => new(HttpMethod.Delete, route.Collection),
                    _ => throw new Xunit.Sdk.XunitException($"{route} lists verb \"{verb}\", which this test does not know how to send"),
                });
        }
        return requests;
    }

    /// <summary>
    /// One server and two sandboxes, A (which the requests go to) and B (whose token and objects must stay its own),
    /// each holding one object of every kind, with their clocks paused so that nothing but a request writes to them.
    /// </summary>
    public sealed class Sandboxes : IAsyncLifetime
    {
        private PlaygroundServer _server = null!;

        public ApiSandbox A { get; private set; } = null!;
        public ApiSandbox B { get; private set; } = null!;
        public IReadOnlyList<DiscoveredRoute> Routes { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _server = await PlaygroundServer.StartAsync();
            A = await NewAsync();
            B = await NewAsync();
            Routes = await DiscoveredRoute.ReadAsync(A);
        }

        private async Task<ApiSandbox> NewAsync()
        {
            var (id, token) = await _server.CreateSandboxAsync();
            await ClockApiTests.ClockOkAsync(_server, id, token, """{"paused": true}""");
            var sandbox = new ApiSandbox(_server, id, token);
            await OneOfEachKind.CreateAllAsync(sandbox, await DiscoveredRoute.ReadAsync(sandbox));
            // What the objects set going runs out in simulated time, so only the requests under test can move the revision.
            await ClockApiTests.ClockOkAsync(_server, id, token, """{"advance": "10m"}""");
            return sandbox;
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();
    }
}
