using System.Net;
using System.Text.RegularExpressions;

namespace Playground.Server.Tests;

/// <summary>A browser as the server sees one: it keeps the cookies the server sets and sends them back, and follows no redirects.</summary>
public sealed partial class SandboxBrowser(PlaygroundServer server)
{
    private readonly Dictionary<string, string> _cookies = [];

    public string Cookie => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    public string? this[string cookie] => _cookies.GetValueOrDefault(cookie);

    /// <summary>Gives the browser a cookie, as one kept from before a restart.</summary>
    public void Set(string cookie, string value) => _cookies[cookie] = value;

    /// <summary>Sends a request with the browser's cookies and keeps what the answer sets (or deletes).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null, HttpContent? content = null)
    {
        var response = await server.SendAsync(method, path, json: json, cookie: _cookies.Count > 0 ? Cookie : null, content: content);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
            else _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    /// <summary>Opens <paramref name="page"/> and submits its form that posts to <paramref name="action"/>, as <see cref="ReadFormAsync"/> finds it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string? action = null)
    {
        var (target, fields) = await ReadFormAsync(page, action);
        return await SendAsync(HttpMethod.Post, target, content: new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Opens <paramref name="page"/> and reads its (first) form that posts to <paramref name="action"/> (null: back to the page,
    /// as a Blazor form does): where it posts, and the hidden fields the page gave it, its antiforgery token among them.
    /// </summary>
    public async Task<(string Action, List<KeyValuePair<string, string>> Fields)> ReadFormAsync(string page, string? action = null)
    {
        using var opened = await SendAsync(HttpMethod.Get, page);
        var html = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.IsSuccessStatusCode, $"GET {page}: {(int)opened.StatusCode} {html}");
        action ??= page;
        var form = Form().Matches(html).First(f => f.Groups["start"].Value.Contains($"action=\"{action}\""));
        return (action, [.. HiddenInput().Matches(form.Value).Select(i => KeyValuePair.Create(WebUtility.HtmlDecode(i.Groups["name"].Value), WebUtility.HtmlDecode(i.Groups["value"].Value)))]);
    }

    [GeneratedRegex("""(?<start><form\b[^>]*>).*?</form>""", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)""")]
    private static partial Regex HiddenInput();

    /// <summary>Opens a page address and returns where the server redirects it.</summary>
    public async Task<string> OpenAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }
}
