using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Playground.Server.Sandboxes;

/// <summary>Sandbox ids and owner tokens: random, with only the token's SHA-256 ever stored.</summary>
public static class SandboxTokens
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int IdLength = 12;

    /// <summary>A short id that is safe in URLs, cookie names and DNS labels.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>32 random bytes, base64url: the owner's bearer credential.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Constant-time, so response times reveal nothing about how much of a guess was right.</summary>
    public static bool Matches(string? token, byte[] hash) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Hash(token), hash);

    /// <summary>Lets malformed ids be refused before they reach the database.</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: IdLength } && id.All(c => IdAlphabet.Contains(c));
}
