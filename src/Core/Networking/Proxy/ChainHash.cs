using System.Security.Cryptography;
using System.Text;

namespace Playground.Core.Networking.Proxy;

/// <summary>kube-proxy's chain-name hash: the first 16 characters of the base32 SHA-256 of the service port (and endpoint).</summary>
internal static class ChainHash
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Of(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var result = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && result.Length < 16)
            {
                result.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (result.Length == 16) break;
        }
        return result.ToString();
    }
}
