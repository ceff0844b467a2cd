using System.Net.WebSockets;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.Options;

namespace Playground.Server.KubeApi.Exec;

/// <summary>
/// The upgrade an exec request asks for. Only a WebSocket with a subprotocol of <see cref="ExecProtocol"/> is accepted;
/// SPDY (what kubectl before 1.30 sends) and plain requests get a Status that says why, as upstream answers a request
/// that is no upgrade with 400.
/// </summary>
public static class ExecUpgrade
{
    /// <summary>The subprotocol to accept, or the Status that refuses the request.</summary>
    public static (string? Protocol, KubeResponse? Refusal) Negotiate(HttpRequest request)
    {
        var upgrade = request.Headers.Upgrade.ToString();
        if (upgrade.StartsWith("SPDY/", StringComparison.OrdinalIgnoreCase))
            return (null, KubeResponse.Failure(400, "BadRequest",
                $"this server streams pods/exec over WebSocket ({ExecProtocol.V5} or {ExecProtocol.V4}), not {upgrade}: use kubectl v1.30 or later"));
        var connection = request.Headers.Connection.ToString();
        if (!HttpMethods.IsGet(request.Method) || !upgrade.Equals("websocket", StringComparison.OrdinalIgnoreCase)
            || !connection.Split(',').Any(token => token.Trim().Equals("upgrade", StringComparison.OrdinalIgnoreCase)))
            return (null, KubeResponse.Failure(400, "BadRequest", "Upgrade request required"));
        var offered = request.Headers.SecWebSocketProtocol.SelectMany(h => (h ?? "").Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return ExecProtocol.Negotiate(offered) is { } protocol
            ? (protocol, null)
            : (null, KubeResponse.Failure(400, "BadRequest",
                $"requested protocol(s) are not supported: [{string.Join(' ', offered)}]; supports [{ExecProtocol.V5} {ExecProtocol.V4}]"));
    }

    /// <summary>Completes the handshake with <paramref name="protocol"/>; the WebSocket middleware runs for this request only, so no other route gains it.</summary>
    public static async Task<WebSocket> AcceptAsync(HttpContext context, string protocol)
    {
        WebSocket? socket = null;
        var middleware = new WebSocketMiddleware(
            async upgraded => socket = await upgraded.WebSockets.AcceptWebSocketAsync(protocol),
            Options.Create(new WebSocketOptions()),
            context.RequestServices.GetRequiredService<ILoggerFactory>());
        await middleware.Invoke(context);
        return socket ?? throw new InvalidOperationException("the WebSocket handshake did not complete");
    }
}
