using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Core.Serialization;

/// <summary>
/// metav1.MicroTime (a Lease's renewTime, an Event's eventTime): RFC 3339 with exactly six fractional digits, which
/// Go clients require when they decode it ("2006-01-02T15:04:05.000000Z07:00").
/// </summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            throw new JsonException($"parsing time \"{text}\" as RFC 3339 failed");
        return time.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
