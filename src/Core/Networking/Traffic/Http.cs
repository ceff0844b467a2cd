namespace Playground.Core.Networking.Traffic;

/// <summary>An HTTP request as a client program sends it.</summary>
public sealed record HttpRequest(string Method, string Host, string Path, string UserAgent, string ClientIp, int ClientPort);

/// <summary>An HTTP response: status line, headers in order, body.</summary>
public sealed record HttpResponse(int Status, string Reason, IReadOnlyList<(string Name, string Value)> Headers, string Body);

/// <summary>
/// How an exchange ended: answered (with the pod that served it), refused (nothing listening, no endpoints, a port
/// no service offers), the server closing without a reply (not an HTTP server), or no answer at all (its machine is off).
/// </summary>
public sealed record HttpOutcome(HttpResponse? Response, Api.Core.Pod? ServedBy, bool EmptyReply = false, bool TimedOut = false)
{
    public static readonly HttpOutcome Refused = new(null, null);
    public static readonly HttpOutcome Unanswered = new(null, null, TimedOut: true);
    public bool Connected => Response is not null || EmptyReply;
}
