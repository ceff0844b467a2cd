using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Playground.Server.Sandboxes;

/// <summary>
/// The sandbox tokens a visitor's browser holds, read from the request that opened the Blazor circuit (or from the
/// prerendering request), because a circuit's later events have no HTTP request to read them from.
/// </summary>
internal sealed class VisitorCookies(IHttpContextAccessor accessor)
{
    private Dictionary<string, string>? _cookies;

    public string? TokenFor(string sandboxId)
    {
        Capture();
        return _cookies?.GetValueOrDefault(SandboxCredentials.TokenCookie(sandboxId));
    }

    public void Capture()
    {
        if (_cookies is null && accessor.HttpContext is { } http)
            _cookies = http.Request.Cookies.Where(c => c.Key.StartsWith("pg.", StringComparison.Ordinal)).ToDictionary();
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
