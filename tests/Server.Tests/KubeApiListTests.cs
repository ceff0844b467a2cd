using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>List options over the API: limit and continue, label and field selectors, resourceVersion.</summary>
public sealed class KubeApiListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task Limit_and_continue_page_through_a_list_in_key_order()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        foreach (var name in new[] { "e", "a", "d", "b", "c" }) await CreateConfigMapAsync(id, token, name, "x");

        var first = await JsonAsync(id, token, "/api/v1/namespaces/default/configmaps?limit=2");
        var second = await JsonAsync(id, token, $"/api/v1/namespaces/default/configmaps?limit=2&continue={Continue(first)}");
        var last = await JsonAsync(id, token, $"/api/v1/namespaces/default/configmaps?limit=2&continue={Continue(second)}");
        var bad = await SendAsync(id, token, "/api/v1/namespaces/default/configmaps?limit=2&continue=nonsense");

        Assert.Equal(["a", "b"], Names(first));
        Assert.Equal(3, first.GetProperty("metadata").GetProperty("remainingItemCount").GetInt32());
        Assert.Equal(["c", "d"], Names(second));
        Assert.Equal(["e"], Names(last));
        Assert.False(last.GetProperty("metadata").TryGetProperty("continue", out _));
        // Every page reports the revision of the list's first page, as upstream's consistent pages do.
        Assert.Equal(first.GetProperty("metadata").GetProperty("resourceVersion").GetString(), last.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Field_selectors_filter_by_name_namespace_node_and_phase_and_refuse_other_fields()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await CreateConfigMapAsync(id, token, "one", "web");
        await CreateConfigMapAsync(id, token, "two", "db");
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        await Server.KubectlUntilAsync(id, token, "kubectl get pods", o => o.Split('\n').Count(l => l.Contains("Running")) == 2, 30);

        var byName = await JsonAsync(id, token, "/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Done");
        var notName = await JsonAsync(id, token, "/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name!%3Done,metadata.namespace%3D%3Ddefault");
        var byLabelAndName = await JsonAsync(id, token, "/api/v1/configmaps?labelSelector=app%3Ddb&fieldSelector=metadata.name%3Done");
        var running = await JsonAsync(id, token, "/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning");
        var node = running.GetProperty("items")[0].GetProperty("spec").GetProperty("nodeName").GetString();
        var onNode = await JsonAsync(id, token, $"/api/v1/pods?fieldSelector=spec.nodeName%3D{node}");
        var pending = await JsonAsync(id, token, "/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DPending");
        var unsupported = await SendAsync(id, token, "/api/v1/namespaces/default/configmaps?fieldSelector=data.mode%3Dfast");
        var wrongKind = await SendAsync(id, token, "/api/v1/namespaces/default/configmaps?fieldSelector=spec.nodeName%3Dnode-1");

        Assert.Equal(["one"], Names(byName));
        Assert.Contains("two", Names(notName));
        Assert.DoesNotContain("one", Names(notName));
        Assert.Empty(Names(byLabelAndName));
        Assert.Equal(2, running.GetProperty("items").GetArrayLength());
        Assert.All(onNode.GetProperty("items").EnumerateArray(), p => Assert.Equal(node, p.GetProperty("spec").GetProperty("nodeName").GetString()));
        Assert.Empty(Names(pending));
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Equal("field label not supported: data.mode", (await unsupported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal("field label not supported: spec.nodeName", (await wrongKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Real_kubectl_pages_with_chunk_size_and_selects_by_field()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        foreach (var name in new[] { "c", "a", "b" }) await CreateConfigMapAsync(id, token, name, "x");
        using var kubectl = await RealKubectl.ForAsync(Server, id, token);

        var paged = await kubectl.OkAsync("get cm --chunk-size=1 -o name");
        var selected = await kubectl.OkAsync("get cm --field-selector metadata.name!=b -o name");
        var refused = await kubectl.RunAsync("get cm --field-selector data.x=y");

        Assert.Contains("configmap/a\nconfigmap/b\nconfigmap/c\n", paged);
        Assert.DoesNotContain("configmap/b", selected);
        Assert.Contains("configmap/c", selected);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("field label not supported: data.x", refused.Error);
    }

    [Fact]
    public async Task A_resourceVersion_the_store_has_not_reached_is_a_timeout_Status()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var ahead = await SendAsync(id, token, "/api/v1/namespaces/default/configmaps?resourceVersion=99999999");
        var any = await SendAsync(id, token, "/api/v1/namespaces/default/configmaps?resourceVersion=0");

        Assert.Equal((HttpStatusCode)504, ahead.StatusCode);
        Assert.StartsWith("Too large resource version: 99999999", (await ahead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [Fact]
    public async Task Every_page_of_a_paged_list_shows_the_first_pages_revision_whatever_changed_since()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);
        foreach (var name in new[] { "e", "a", "d", "b", "c" }) await CreateAsync(api, name);

        var first = await api.GetAsync($"{ConfigMaps}?limit=2");
        var revision = first.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        await CreateAsync(api, "bb");
        await CreateAsync(api, "f");
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Delete, $"{ConfigMaps}/c"));
        await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync($"{ConfigMaps}/d", "application/merge-patch+json", """{"metadata":{"labels":{"app":"changed"}}}"""));
        var second = await api.GetAsync($"{ConfigMaps}?limit=2&continue={Continue(first)}");
        var last = await api.GetAsync($"{ConfigMaps}?limit=2&continue={Continue(second)}");
        var now = await api.GetAsync(ConfigMaps);

        Assert.Equal(["a", "b"], Names(first));
        Assert.Equal(["c", "d"], Names(second));
        Assert.Equal("x", second.GetProperty("items")[1].GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());
        Assert.Equal(1, second.GetProperty("metadata").GetProperty("remainingItemCount").GetInt32());
        Assert.Equal(["e"], Names(last));
        Assert.All(new[] { second, last }, page => Assert.Equal(revision, page.GetProperty("metadata").GetProperty("resourceVersion").GetString()));
        Assert.Equal(["a", "b", "bb", "d", "e", "f"], Names(now));
        Assert.NotEqual(revision, now.GetProperty("metadata").GetProperty("resourceVersion").GetString());
    }

    [Fact]
    public async Task A_page_whose_revision_was_compacted_is_410_with_a_token_that_continues_at_the_latest_revision()
    {
        await using var server = await PlaygroundServer.StartAsync(extraArguments: ["--Playground:Cluster:HistoryWindow", "3"]);
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(server);
        foreach (var name in new[] { "a", "b", "c" }) await CreateAsync(api, name);
        var first = await api.GetAsync($"{ConfigMaps}?limit=1");
        var revision = first.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        foreach (var name in new[] { "d", "e", "f", "g" }) await CreateAsync(api, name);
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Delete, $"{ConfigMaps}/b"));

        var expired = await api.ExpectAsync(HttpStatusCode.Gone, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?limit=1&continue={Continue(first)}"));
        var rest = await api.GetAsync($"{ConfigMaps}?limit=2&continue={Continue(expired)}");
        var exact = await api.ExpectAsync(HttpStatusCode.Gone, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersion={revision}&resourceVersionMatch=Exact"));
        var legacyExact = await api.ExpectAsync(HttpStatusCode.Gone, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersion={revision}&limit=5"));
        var notOlder = await api.GetAsync($"{ConfigMaps}?resourceVersion={revision}&resourceVersionMatch=NotOlderThan");

        Assert.Equal("Expired", expired.GetProperty("reason").GetString());
        Assert.Equal(410, expired.GetProperty("code").GetInt32());
        Assert.Equal("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, "
            + "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list "
            + "- objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.", Message(expired));
        // The rest as it is now: "b" is gone and "d" came after the first page.
        Assert.Equal(["c", "d"], Names(rest));
        Assert.True(long.Parse(rest.GetProperty("metadata").GetProperty("resourceVersion").GetString()!) > long.Parse(revision!));
        Assert.True(rest.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.Equal("The resourceVersion for the provided list is too old.", Message(exact));
        Assert.Equal("Expired", legacyExact.GetProperty("reason").GetString());
        Assert.Equal(["a", "c", "d", "e", "f", "g"], Names(notOlder));
    }

    [Fact]
    public async Task ResourceVersion_and_resourceVersionMatch_list_an_exact_past_state_or_any_newer_one_as_upstream_does()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);
        await CreateAsync(api, "a");
        await CreateAsync(api, "b");
        var then = (await api.GetAsync(ConfigMaps)).GetProperty("metadata").GetProperty("resourceVersion").GetString();
        await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync($"{ConfigMaps}/a", "application/merge-patch+json", """{"metadata":{"labels":{"app":"changed"}}}"""));
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Delete, $"{ConfigMaps}/b"));
        await CreateAsync(api, "c");

        var exact = await api.GetAsync($"{ConfigMaps}?resourceVersion={then}&resourceVersionMatch=Exact");
        var legacyExact = await api.GetAsync($"{ConfigMaps}?resourceVersion={then}&limit=1");
        var notOlder = await api.GetAsync($"{ConfigMaps}?resourceVersion={then}&resourceVersionMatch=NotOlderThan");
        var legacy = await api.GetAsync($"{ConfigMaps}?resourceVersion={then}");
        var any = await api.GetAsync($"{ConfigMaps}?resourceVersion=0&limit=1");
        var noVersion = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersionMatch=Exact"));
        var exactZero = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersion=0&resourceVersionMatch=Exact"));
        var unknown = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersion={then}&resourceVersionMatch=Newest"));
        var withContinue = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Get, $"{ConfigMaps}?resourceVersion={then}&continue={Continue(legacyExact)}"));

        Assert.Equal(["a", "b"], Names(exact));
        Assert.Equal("x", exact.GetProperty("items")[0].GetProperty("metadata").GetProperty("labels").GetProperty("app").GetString());
        Assert.Equal(then, exact.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(["a"], Names(legacyExact));
        Assert.Equal(then, legacyExact.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(["a", "c"], Names(notOlder));
        Assert.Equal(["a", "c"], Names(legacy));
        // resourceVersion=0 is answered whole, as upstream's watch cache ignores limit.
        Assert.Equal(["a", "c"], Names(any));
        Assert.False(any.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.Equal("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided", Message(noVersion));
        Assert.Equal("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"", Message(exactZero));
        Assert.Equal("ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value: \"Newest\": supported values: \"Exact\", \"NotOlderThan\", \"\"", Message(unknown));
        Assert.Equal("specifying resource version is not allowed when using continue", Message(withContinue));
    }

    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static string? Message(JsonElement status) => status.GetProperty("message").GetString();

    private static Task<JsonElement> CreateAsync(KubeApiPatchRequests api, string name) =>
        api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, ConfigMaps, JsonSerializer.Serialize(new { apiVersion = "v1", kind = "ConfigMap", metadata = new { name, labels = new { app = "x" } } })));

    private static string Continue(JsonElement list) => Uri.EscapeDataString(list.GetProperty("metadata").GetProperty("continue").GetString()!);

    private static IEnumerable<string?> Names(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).ToList();

    private async Task CreateConfigMapAsync(string id, string token, string name, string app)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}/api/v1/namespaces/default/configmaps"))
        {
            Content = JsonContent.Create(new { apiVersion = "v1", kind = "ConfigMap", metadata = new { name, labels = new { app } } }),
        };
        request.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await Server.KubeApi.SendAsync(request)).StatusCode);
    }

    private async Task<JsonElement> JsonAsync(string id, string token, string path)
    {
        var response = await SendAsync(id, token, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(string id, string token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}{path}"));
        request.Headers.Authorization = new("Bearer", token);
        return Server.KubeApi.SendAsync(request);
    }
}
