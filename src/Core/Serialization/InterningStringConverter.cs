using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Core.Serialization;

/// <summary>
/// Decodes short strings through a small lossy table shared by every sandbox, so that the thousands of copies of one
/// value that decoding makes (a namespace, a node name, a label, an image, a pod's name and uid in each of its events)
/// are one string on the heap. A miss only costs the string that decoding would have made anyway; values never change.
/// </summary>
internal sealed class InterningStringConverter : JsonConverter<string>
{
    /// <summary>Longer values are mostly unique (messages, certificates, scripts): not worth a slot.</summary>
    private const int MaxBytes = 128;

    private static readonly string?[] Table = new string?[1 << 14];

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Decode(ref reader) : reader.GetString();

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Decode(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Decode(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes) return reader.GetString()!;
        if (!reader.ValueIsEscaped) return Intern(reader.ValueSpan);
        // Messages quote names ("Pulling image \"nginx\""): unescaped, they are no longer than their escaped text.
        Span<byte> unescaped = stackalloc byte[MaxBytes];
        return Intern(unescaped[..reader.CopyString(unescaped)]);
    }

    private static string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        var hash = new HashCode();
        hash.AddBytes(utf8);
        // Two ways per set, most recently used first, so two busy values that share a set ("Running" and a node's
        // name) both stay. Another sandbox's thread may write the set meanwhile: each slot still holds a whole string.
        var set = hash.ToHashCode() & (Table.Length - 2);
        var first = Table[set];
        if (Matches(first, utf8)) return first!;
        var second = Table[set + 1];
        var value = Matches(second, utf8) ? second! : Encoding.UTF8.GetString(utf8);
        Table[set + 1] = first;
        Table[set] = value;
        return value;
    }

    private static bool Matches(string? cached, ReadOnlySpan<byte> utf8) =>
        cached is not null && cached.Length == utf8.Length && System.Text.Ascii.Equals(utf8, cached);
}
