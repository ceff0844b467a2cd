using System.Text;
using System.Text.Json;
using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.Lists;

/// <summary>
/// The opaque ?continue= of a paged list: the list's revision and the etcd key the next page starts after,
/// base64-encoded JSON as upstream's token is. Clients only hand it back. A revision of -1 is the inconsistent token
/// of a 410 answer: the rest of the list at whatever revision is current.
/// </summary>
public sealed record ContinueToken(long Revision, string? Namespace, string Name)
{
    public string Encode() =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Wire(Revision, Namespace, Name)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <exception cref="ApiException">400 when the token is not one this server made.</exception>
    public static ContinueToken Decode(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var wire = JsonSerializer.Deserialize<Wire>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            // Upstream refuses a token at revision 0 too: a token holds a revision, or -1 for the latest.
            if (wire is { Name.Length: > 0, Rv: not 0 }) return new ContinueToken(wire.Rv, wire.Ns, wire.Name);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Falls through to the one message for every malformed token.
        }
        throw ApiException.BadRequest("continue key is not valid: the token was not made by this server");
    }

    private sealed record Wire(long Rv, string? Ns, string Name);
}
