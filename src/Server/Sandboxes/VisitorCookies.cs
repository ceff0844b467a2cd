using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Playground.Server.Sandboxes;

/// <summary>
/// The sandbox tokens and the visitor id a browser holds, and its address, read from the request that opened the Blazor circuit (or from the
/// prerendering request), because a circuit's later events have no HTTP request to read them from.
/// </summary>
internal sealed class VisitorCookies(IHttpContextAccessor accessor)
{
    private Dictionary<string, string>? _cookies;

    /// <summary>The browser's address, as the request that opened the circuit came from.</summary>
    public IPAddress? Address { get; private set; }

    /// <summary>The browser's credential for the sandbox: its token cookie for it, and its visitor id.</summary>
    public SandboxCredential For(string sandboxId)
    {
        Capture();
        return new SandboxCredential(
            _cookies?.GetValueOrDefault(SandboxCredentials.TokenCookie(sandboxId)),
            Visitors.Valid(_cookies?.GetValueOrDefault(Visitors.Cookie)));
    }

    /// <summary>Another of the playground's cookies (all named "pg.…"), such as a classroom's instructor key.</summary>
    public string? Cookie(string name)
    {
        Capture();
        return _cookies?.GetValueOrDefault(name);
    }

    public void Capture()
    {
        if (_cookies is not null || accessor.HttpContext is not { } http) return;
        _cookies = http.Request.Cookies.Where(c => c.Key.StartsWith("pg.", StringComparison.Ordinal)).ToDictionary();
        Address = http.Connection.RemoteIpAddress;
    }
}

/// <summary>Captures the cookies while the circuit's own connection request is at hand.</summary>
internal sealed class CaptureVisitorCookies(VisitorCookies cookies) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        cookies.Capture();
        return Task.CompletedTask;
    }
}
