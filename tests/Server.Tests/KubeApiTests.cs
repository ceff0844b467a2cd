using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>The sandbox's Kubernetes REST API over HTTPS: who may use it, discovery, and the basic verbs.</summary>
public sealed class KubeApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task The_API_needs_the_sandboxs_own_token_over_TLS()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (_, otherToken) = await Server.CreateSandboxAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, id, null, "/api/v1/pods")).StatusCode);
        var foreign = await SendAsync(HttpMethod.Get, id, otherToken, "/api/v1/pods");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("Forbidden", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "nosuchsandbox1", token, "/api/v1/pods")).StatusCode);
        // The plain-HTTP address does not serve the API, so a token never has a reason to travel unencrypted.
        var plain = new HttpRequestMessage(HttpMethod.Get, $"/sandboxes/{id}/api/v1/pods") { Headers = { Authorization = new("Bearer", token) } };
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.SendAsync(plain)).StatusCode);
    }

    [Fact]
    public async Task Discovery_lists_the_served_groups_and_resources_with_short_names_and_categories()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var version = await JsonAsync(id, token, "/version");
        var groups = await JsonAsync(id, token, "/apis");
        var core = await JsonAsync(id, token, "/api/v1");
        var apps = await JsonAsync(id, token, "/apis/apps/v1");

        Assert.Equal("v1.32.2", version.GetProperty("gitVersion").GetString());
        Assert.Contains("apps", groups.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        var pods = core.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "pods");
        Assert.Equal(["po"], pods.GetProperty("shortNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["all"], pods.GetProperty("categories").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("watch", pods.GetProperty("verbs").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("deployments/scale", apps.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Objects_are_created_read_listed_and_deleted_with_Kubernetes_semantics()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        const string configMap = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","labels":{"app":"web"}},"data":{"mode":"fast"}}""";

        var created = await SendAsync(HttpMethod.Post, id, token, "/api/v1/namespaces/default/configmaps", configMap);
        var again = await SendAsync(HttpMethod.Post, id, token, "/api/v1/namespaces/default/configmaps", configMap);
        var read = await JsonAsync(id, token, "/api/v1/namespaces/default/configmaps/settings");
        var list = await JsonAsync(id, token, "/api/v1/configmaps?labelSelector=app%3Dweb");
        var deleted = await SendAsync(HttpMethod.Delete, id, token, "/api/v1/namespaces/default/configmaps/settings");
        var gone = await SendAsync(HttpMethod.Get, id, token, "/api/v1/namespaces/default/configmaps/settings");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("AlreadyExists", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal("fast", read.GetProperty("data").GetProperty("mode").GetString());
        Assert.Equal("ConfigMapList", list.GetProperty("kind").GetString());
        Assert.Equal(["settings"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("configmaps \"settings\" not found", (await gone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bad_bodies_get_a_Status_that_says_what_is_wrong_and_write_nothing()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        const string path = "/api/v1/namespaces/default/configmaps";

        var malformed = await SendAsync(HttpMethod.Post, id, token, path, "{\"apiVersion\":");
        var unknownField = await SendAsync(HttpMethod.Post, id, token, path + "?fieldValidation=Strict", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"dataz":{}}""");
        var otherNamespace = await SendAsync(HttpMethod.Post, id, token, path, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"kube-system"}}""");
        var tooLarge = await SendAsync(HttpMethod.Post, id, token, path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"x\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}");
        var protobuf = await SendAsync(HttpMethod.Post, id, token, path, "k8s\0", "application/vnd.kubernetes.protobuf");
        var yaml = await SendAsync(HttpMethod.Post, id, token, path, "kind: ConfigMap", "application/yaml");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("unknown field \"dataz\"", (await unknownField.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, otherNamespace.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, protobuf.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, yaml.StatusCode);
        Assert.Empty((await JsonAsync(id, token, path)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Without_fieldValidation_unknown_fields_are_dropped_with_a_warning_as_upstream_defaults_to_Warn()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var created = await SendAsync(HttpMethod.Post, id, token, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"v"},"dataz":{}}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"dataz\\\"\""], created.Headers.GetValues("Warning"));
        Assert.Equal("v", (await JsonAsync(id, token, "/api/v1/namespaces/default/configmaps/a")).GetProperty("data").GetProperty("k").GetString());
    }

    private async Task<JsonElement> JsonAsync(string id, string token, string path)
    {
        var response = await SendAsync(HttpMethod.Get, id, token, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, string? token, string path, string? body = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri(Server.KubeApiAddress, $"/sandboxes/{id}{path}"));
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return Server.KubeApi.SendAsync(request);
    }
}
