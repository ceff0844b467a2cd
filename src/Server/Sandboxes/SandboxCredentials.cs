namespace Playground.Server.Sandboxes;

/// <summary>Where a caller's token for a sandbox comes from: an Authorization bearer header, else the browser's cookie.</summary>
public static class SandboxCredentials
{
    /// <summary>Remembers which sandbox a browser used last, so that "/" brings it back.</summary>
    public const string LastSandboxCookie = "pg.last";

    public static string TokenCookie(string sandboxId) => $"pg.sbx.{sandboxId}";

    public static string? Find(HttpRequest request, string sandboxId)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Cookies[TokenCookie(sandboxId)];
    }

    /// <summary>Gives a browser the token of a sandbox it created: unreadable by scripts, never sent by other sites.</summary>
    public static void Remember(HttpResponse response, string sandboxId, string token)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            // Sandboxes do not expire; browsers cap cookie lifetimes at about 400 days anyway.
            MaxAge = TimeSpan.FromDays(400),
        };
        response.Cookies.Append(TokenCookie(sandboxId), token, options);
        response.Cookies.Append(LastSandboxCookie, sandboxId, options);
    }
}
