using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Playground.Server.Sandboxes;

namespace Playground.Server.Tests;

public sealed class KubeconfigTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task The_kubeconfig_names_the_sandbox_API_its_CA_and_the_callers_token()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var response = await GetAsync(id, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = await response.Content.ReadAsStringAsync();
        Assert.Equal($"https://127.0.0.1:{Server.KubeApiAddress.Port}/sandboxes/{id}", Field(config, "server"));
        Assert.Equal(token, Field(config, "token"));
        Assert.Equal($"playground-{id}", Field(config, "current-context"));
        Assert.Equal(("attachment", $"playground-{id}.kubeconfig"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        Assert.True(response.Headers.CacheControl?.NoStore, "a file with a bearer token must not be cached");

        // The embedded CA is what a client needs to trust the API's TLS endpoint, with no insecure flags.
        var authority = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(Field(config, "certificate-authority-data"))));
        Assert.Equal(SslPolicyErrors.None, await HandshakeAsync(authority));
    }

    [Fact]
    public async Task The_kubeconfig_is_refused_without_a_token_and_with_another_sandboxs_token()
    {
        var (id, _) = await Server.CreateSandboxAsync();
        var (_, otherToken) = await Server.CreateSandboxAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(id, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(id, otherToken)).StatusCode);
    }

    [Fact]
    public async Task A_browser_downloads_the_kubeconfig_with_its_sandbox_cookie_as_an_attachment()
    {
        var (id, token) = await Server.CreateSandboxAsync();

        var response = await GetWithCookieAsync(id, SandboxCredentials.TokenCookie(id), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("attachment", $"playground-{id}.kubeconfig"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal(token, Field(await response.Content.ReadAsStringAsync(), "token"));
    }

    [Fact]
    public async Task The_kubeconfig_is_refused_to_another_sandboxs_cookie()
    {
        var (id, _) = await Server.CreateSandboxAsync();
        var (otherId, otherToken) = await Server.CreateSandboxAsync();

        // A browser holding only the other sandbox's cookie has no credential for this one...
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(id, SandboxCredentials.TokenCookie(otherId), otherToken)).StatusCode);
        // ...and the other sandbox's token under this sandbox's cookie name is a wrong one.
        Assert.Equal(HttpStatusCode.NotFound, (await GetWithCookieAsync(id, SandboxCredentials.TokenCookie(id), otherToken)).StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string id, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{id}/kubeconfig");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return Server.Http.SendAsync(request);
    }

    /// <summary>What a browser's link sends: no Authorization header, only the cookie.</summary>
    private Task<HttpResponseMessage> GetWithCookieAsync(string id, string cookieName, string cookieValue)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{id}/kubeconfig") { Headers = { { "Cookie", $"{cookieName}={cookieValue}" } } };
        return Server.Http.SendAsync(request);
    }

    /// <summary>Connects to the API over TLS and reports what chain validation against <paramref name="authority"/> alone found.</summary>
    private async Task<SslPolicyErrors> HandshakeAsync(X509Certificate2 authority)
    {
        var errors = SslPolicyErrors.None;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, policyErrors) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                errors = (policyErrors & SslPolicyErrors.RemoteCertificateNameMismatch)
                    | (chain.Build(certificate!) ? SslPolicyErrors.None : SslPolicyErrors.RemoteCertificateChainErrors);
                return true;
            },
        };
        using var client = new HttpClient(handler);
        await client.GetAsync(new Uri(Server.KubeApiAddress, "/version"));
        return errors;
    }

    private static string Field(string yaml, string name) => FieldLine(name).Match(yaml) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"no {name} in:\n{yaml}");

    private static Regex FieldLine(string name) => new($@"^\s*-?\s*{Regex.Escape(name)}: (\S+)$", RegexOptions.Multiline);
}
