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
