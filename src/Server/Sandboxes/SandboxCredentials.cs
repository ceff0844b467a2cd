namespace Playground.Server.Sandboxes;

/// <summary>
/// What a caller holds for one sandbox. An Authorization bearer header is the whole credential (an API client means
/// exactly that token); a browser sends its cookie for the sandbox (an owner's or a view link's token) and its visitor id.
/// </summary>
public sealed record SandboxCredential(string? Token, string? VisitorId)
{
    public bool IsEmpty => Token is null && VisitorId is null;
}

/// <summary>Where a caller's credential for a sandbox comes from, and the cookies that keep it in a browser.</summary>
public static class SandboxCredentials
{
    /// <summary>Remembers which sandbox a browser used last, so that "/" brings it back.</summary>
    public const string LastSandboxCookie = "pg.last";

    public static string TokenCookie(string sandboxId) => $"pg.sbx.{sandboxId}";

    public static SandboxCredential For(HttpRequest request, string sandboxId) =>
        Bearer(request) is { } bearer
            ? new SandboxCredential(bearer, null)
            : new SandboxCredential(request.Cookies[TokenCookie(sandboxId)], Visitors.Of(request));

    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Gives a browser a token for a sandbox, and makes it the one "/" comes back to when it is the browser's own.</summary>
    public static void Remember(HttpResponse response, string sandboxId, string token, bool own = true)
    {
        var options = CookieOptions(response);
        response.Cookies.Append(TokenCookie(sandboxId), token, options);
        if (own) response.Cookies.Append(LastSandboxCookie, sandboxId, Visitors.NavigationCookieOptions(response));
    }

    /// <summary>Unreadable by scripts, never sent by other sites.</summary>
    internal static CookieOptions CookieOptions(HttpResponse response) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = response.HttpContext.Request.IsHttps,
        IsEssential = true,
        // Sandboxes do not expire; browsers cap cookie lifetimes at about 400 days anyway.
        MaxAge = TimeSpan.FromDays(400),
    };
}
