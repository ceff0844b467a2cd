using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Playground.Server.Tests;

public sealed class SandboxApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task Creating_a_sandbox_answers_201_with_its_id_and_a_token_of_at_least_128_bits()
    {
        var response = await Server.Http.PostAsync("/api/sandboxes", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        Assert.Matches("^[a-z0-9]{8,}$", id);
        Assert.True(Base64Url.DecodeFromChars(token).Length >= 16);
        Assert.Equal($"/api/sandboxes/{id}", response.Headers.Location?.OriginalString);

        var info = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, response.Headers.Location) { Headers = { Authorization = new("Bearer", token) } });
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.True((await info.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt64() > 0);
    }

    [Fact]
    public async Task Kubectl_creates_a_deployment_whose_pods_come_up()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var created = await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=3");

        Assert.Contains("deployment.apps/web created", created);
        var pods = await Server.KubectlUntilAsync(id, token, "kubectl get pods", o => RunningPods(o, "web-") == 3);
        Assert.StartsWith("NAME", pods);
    }

    [Fact]
    public async Task Kubectl_reads_stdin_for_f_dash()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        const string manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              color: blue
            """;

        var applied = await Server.KubectlOkAsync(id, token, "kubectl apply -f -", manifest);

        Assert.Contains("configmap/settings created", applied);
        Assert.Contains("color: blue", await Server.KubectlOkAsync(id, token, "kubectl get configmap settings -o yaml"));
    }

    [Fact]
    public async Task No_token_is_401_and_a_foreign_token_or_unknown_id_is_the_same_404()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var (otherId, otherToken) = await Server.CreateSandboxAsync();
        const string unknownId = "zzzzzzzzzzzz";

        var anonymous = await Server.KubectlAsync(id, null, "kubectl create deployment evil --image=nginx");
        var foreign = await Server.KubectlAsync(id, otherToken, "kubectl create deployment evil --image=nginx");
        var unknown = await Server.KubectlAsync(unknownId, otherToken, "kubectl get pods");
        var malformed = await Server.KubectlAsync("NOT-AN-ID", otherToken, "kubectl get pods");

        await AssertStatusAsync(anonymous, 401, "Unauthorized");
        var foreignBody = await AssertStatusAsync(foreign, 404, "NotFound");
        var unknownBody = await AssertStatusAsync(unknown, 404, "NotFound");
        Assert.Equal(foreignBody.Replace(id, "<id>"), unknownBody.Replace(unknownId, "<id>"));
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.DoesNotContain("evil", await Server.KubectlOkAsync(id, token, "kubectl get deployments"));
        Assert.DoesNotContain("evil", await Server.KubectlOkAsync(otherId, otherToken, "kubectl get deployments"));
    }

    [Theory]
    [InlineData("{", "application/json", 400)]
    [InlineData("", "application/json", 400)]
    [InlineData("null", "application/json", 400)]
    [InlineData("{}", "application/json", 400)]
    [InlineData("""{"command": "   "}""", "application/json", 400)]
    [InlineData("""{"command": 5}""", "application/json", 400)]
    [InlineData("""{"command": "kubectl create deployment bad --image=nginx", "stdin": ["x"]}""", "application/json", 400)]
    [InlineData("""{"command": "kubectl create deployment bad --image=nginx"}""", "text/plain", 415)]
    public async Task Bad_input_is_a_4xx_status_and_changes_nothing(string body, string contentType, int code)
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var response = await SendRawAsync(id, token, new StringContent(body, Encoding.UTF8, contentType));

        await AssertStatusAsync(response, code, null);
        Assert.Equal("No resources found in default namespace.", (await Server.KubectlOkAsync(id, token, "kubectl get deployments")).Trim());
    }

    [Fact]
    public async Task A_10_MB_body_is_413_whether_or_not_its_length_is_announced()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var huge = JsonSerializer.Serialize(new { command = "kubectl create deployment bad --image=nginx", stdin = new string('x', 10 * 1024 * 1024) });

        var announced = await SendRawAsync(id, token, new StringContent(huge, Encoding.UTF8, "application/json"));
        var streamed = await SendRawAsync(id, token, new StreamedJson(huge));

        await AssertStatusAsync(announced, 413, "RequestEntityTooLarge");
        await AssertStatusAsync(streamed, 413, "RequestEntityTooLarge");
        Assert.Equal("No resources found in default namespace.", (await Server.KubectlOkAsync(id, token, "kubectl get deployments")).Trim());
    }

    [Fact]
    public async Task A_browser_gets_a_sandbox_once_and_comes_back_to_it_with_its_cookies()
    {
        var first = await Server.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var location = first.Headers.Location!.OriginalString;
        Assert.Matches("^/s/[a-z0-9]+$", location);
        var id = location["/s/".Length..];
        var cookies = first.Headers.GetValues("Set-Cookie").ToList();
        var tokenCookie = Assert.Single(cookies, c => c.StartsWith($"pg.sbx.{id}="));
        Assert.Contains("httponly", tokenCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", tokenCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", tokenCookie, StringComparison.OrdinalIgnoreCase);
        // Who the browser is and where it was go also with a link from another site, or it would look new there.
        Assert.Contains("samesite=lax", Assert.Single(cookies, c => c.StartsWith($"pg.last={id}")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", Assert.Single(cookies, c => c.StartsWith("pg.visitor=")), StringComparison.OrdinalIgnoreCase);
        var cookieHeader = string.Join("; ", cookies.Select(c => c.Split(';')[0]));

        var again = await Server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Cookie", cookieHeader } } });
        var kubectl = await SendRawAsync(id, null, JsonContent.Create(new { command = "kubectl get namespaces" }), cookieHeader);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(location, again.Headers.Location!.OriginalString);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, kubectl.StatusCode);
        Assert.Contains("kube-system", (await kubectl.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetString());
    }

    internal static int RunningPods(string table, string prefix) =>
        table.Split('\n').Count(line => line.StartsWith(prefix) && line.Contains(" Running "));

    private Task<HttpResponseMessage> SendRawAsync(string id, string? token, HttpContent content, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{id}/kubectl") { Content = content };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return Server.Http.SendAsync(request);
    }

    /// <summary>Checks the Kubernetes Status body of a refusal and returns it.</summary>
    private static async Task<string> AssertStatusAsync(HttpResponseMessage response, int code, string? reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(code == (int)response.StatusCode, $"expected {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal("v1", status.GetProperty("apiVersion").GetString());
        Assert.Equal("Failure", status.GetProperty("status").GetString());
        Assert.Equal(code, status.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(status.GetProperty("message").GetString()));
        if (reason is not null) Assert.Equal(reason, status.GetProperty("reason").GetString());
        return text;
    }
}
