using System.Net;

namespace Playground.Server.Tests;

/// <summary>A browser as the server sees one: it keeps the cookies the server sets and sends them back, and follows no redirects.</summary>
public sealed class SandboxBrowser(PlaygroundServer server)
{
    private readonly Dictionary<string, string> _cookies = [];

    public string Cookie => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public string? this[string cookie] => _cookies.GetValueOrDefault(cookie);

    /// <summary>Gives the browser a cookie, as one kept from before a restart.</summary>
    public void Set(string cookie, string value) => _cookies[cookie] = value;

    /// <summary>Sends a request with the browser's cookies and keeps what the answer sets (or deletes).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null)
    {
        var response = await server.SendAsync(method, path, json: json, cookie: _cookies.Count > 0 ? Cookie : null);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
            else _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    /// <summary>Opens a page address and returns where the server redirects it.</summary>
    public async Task<string> OpenAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }
}
