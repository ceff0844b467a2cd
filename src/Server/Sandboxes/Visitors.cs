namespace Playground.Server.Sandboxes;

/// <summary>
/// A browser's identity: a random id (as strong as a sandbox token) in an HttpOnly cookie, set on its first visit to
/// "/". It owns the sandboxes that browser creates or forks, which "My sandboxes" lists; only its SHA-256 is stored.
/// </summary>
public static class Visitors
{
    public const string Cookie = "pg.visitor";

    /// <summary>The browser's visitor id; null when it has none or the cookie is not one the server could have made.</summary>
    public static string? Of(HttpRequest request) => Valid(request.Cookies[Cookie]);

    /// <summary>The browser's visitor id, given to it now when it had none.</summary>
    public static string Ensure(HttpContext context)
    {
        if (Of(context.Request) is { } visitor) return visitor;
        visitor = SandboxTokens.NewToken();
        context.Response.Cookies.Append(Cookie, visitor, NavigationCookieOptions(context.Response));
        return visitor;
    }

    /// <summary>
    /// Sent also when a link on another site (a chat, a mail) opens the playground, or the browser would look new there and
    /// be given a new id that replaces its own, and with it its "My sandboxes"; no GET changes anything for its holder.
    /// </summary>
    internal static CookieOptions NavigationCookieOptions(HttpResponse response) =>
        new(SandboxCredentials.CookieOptions(response)) { SameSite = SameSiteMode.Lax };

    internal static string? Valid(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : null;
}
