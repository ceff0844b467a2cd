using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;

namespace Playground.Core.Serialization;

/// <summary>The one JSON shape of API objects: Kubernetes field names, omitted nulls, RFC 3339 times, strict decoding.</summary>
public static class KubeJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // Quotes and '<' stay readable in messages, as in Go's encoder; the API always serves application/json.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new Rfc3339Converter());
        options.Converters.Add(new InterningStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A JSON node's text when it is a JSON string, else null: how handlers read fields of a body they have not typed yet.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Serialize(KubeObject obj) => JsonSerializer.Serialize(obj, obj.GetType(), Options);

    /// <summary>The same JSON as <see cref="Serialize(KubeObject)"/>, as the UTF-8 bytes the store keeps.</summary>
    public static byte[] SerializeToUtf8(KubeObject obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    /// <summary>Any part of an object (a spec, a selector), for comparisons; whole objects go through <see cref="Serialize(KubeObject)"/>.</summary>
    public static string SerializeValue(object? value) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException("null is not an object");

    public static KubeObject Deserialize(string json, Type type) =>
        (KubeObject)(JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException("null is not an object"));

    public static KubeObject Deserialize(ReadOnlySpan<byte> utf8Json, Type type) =>
        (KubeObject)(JsonSerializer.Deserialize(utf8Json, type, Options) ?? throw new JsonException("null is not an object"));

    /// <summary>
    /// The JSON of an object with its resourceVersion changed from <paramref name="old"/> to <paramref name="new"/>, without
    /// serializing it again; null unless the text has the shape this serializer writes: metadata as the first object,
    /// with only plain strings (name, generateName, namespace, uid) before its resourceVersion.
    /// </summary>
    public static byte[]? WithResourceVersion(ReadOnlySpan<byte> json, string? old, string @new)
    {
        if (old is null) return null;
        var metadata = "\"metadata\":{"u8;
        var start = json.IndexOf(metadata);
        if (start < 1 || json[1..start].IndexOfAny((byte)'{', (byte)'[') >= 0) return null;
        var fieldsBefore = start + metadata.Length;
        var field = Encoding.UTF8.GetBytes($"\"resourceVersion\":\"{old}\"");
        var at = json[fieldsBefore..].IndexOf(field);
        if (at < 0 || json.Slice(fieldsBefore, at).IndexOfAny((byte)'{', (byte)'[') >= 0) return null;
        at += fieldsBefore;
        var replacement = Encoding.UTF8.GetBytes($"\"resourceVersion\":\"{@new}\"");
        var result = new byte[json.Length - field.Length + replacement.Length];
        json[..at].CopyTo(result);
        replacement.CopyTo(result.AsSpan(at));
        json[(at + field.Length)..].CopyTo(result.AsSpan(at + replacement.Length));
        return result;
    }

    /// <summary>A deep copy, so that a caller may change an object without touching what the store or a cache holds.</summary>
    public static T Clone<T>(T obj) where T : KubeObject => (T)Deserialize(SerializeToUtf8(obj), obj.GetType());

    public static JsonObject ToNode(KubeObject obj) =>
        JsonSerializer.SerializeToNode(obj, obj.GetType(), Options)!.AsObject();

    /// <summary>Times as Kubernetes writes them: UTC, whole seconds, trailing Z.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class Rfc3339Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The common "…Z" form is parsed from the UTF-8 bytes; anything else gets the lenient parse below.
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z']
                && reader.TryGetDateTimeOffset(out var utc))
                return utc.ToUniversalTime();
            var text = reader.GetString();
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                throw new JsonException($"parsing time \"{text}\" as RFC 3339 failed");
            return time.ToUniversalTime();
        }

        /// <summary>As <see cref="FormatTime"/>: the writer prints a UTC time without fraction as "yyyy-MM-ddTHH:mm:ssZ".</summary>
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            var ticks = value.UtcTicks;
            writer.WriteStringValue(new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
        }
    }
}
