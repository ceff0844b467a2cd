using System.Text;

namespace Playground.Server.KubeApi.Protobuf;

/// <summary>Protobuf strings are UTF-8; invalid bytes are a malformed body, not text to guess at.</summary>
internal static class ProtoText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ProtobufException("a string field is not valid UTF-8");
        }
    }
}
