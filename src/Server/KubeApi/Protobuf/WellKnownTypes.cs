using System.Globalization;
using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi.Protobuf;

/// <summary>The apimachinery messages whose JSON form is a scalar: Time and MicroTime (RFC 3339), IntOrString, Quantity, and raw JSON.</summary>
internal static class WellKnownTypes
{
    public static bool Handles(ProtoMessage message) =>
        message.Package == "meta" && message.Name is "Time" or "MicroTime" or "IntOrString" or "Quantity" or "RawExtension" or "FieldsV1";

    /// <summary>The JSON value, or null where Go writes null (a zero time, an empty raw object), so that the field is left out.</summary>
    public static JsonNode? Convert(ProtoMessage message, ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        long integer = 0, kind = 0, nanos = 0;
        string text = "";
        var raw = ReadOnlySpan<byte>.Empty;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (message.Name, field, wire)
            {
                case ("Time" or "MicroTime", 1, WireType.Varint): integer = (long)reader.ReadVarint(); break;
                case ("Time" or "MicroTime", 2, WireType.Varint): nanos = (int)(long)reader.ReadVarint(); break;
                case ("IntOrString", 1, WireType.Varint): kind = (long)reader.ReadVarint(); break;
                case ("IntOrString", 2, WireType.Varint): integer = (int)(long)reader.ReadVarint(); break;
                case ("IntOrString", 3, WireType.LengthDelimited): text = ProtoText.Utf8(reader.ReadLengthDelimited()); break;
                case ("Quantity", 1, WireType.LengthDelimited): text = ProtoText.Utf8(reader.ReadLengthDelimited()); break;
                case ("RawExtension" or "FieldsV1", 1, WireType.LengthDelimited): raw = reader.ReadLengthDelimited(); break;
                default: throw new ProtobufException($"field {field} (wire type {(int)wire}) is not part of {message.Name}");
            }
        }
        return message.Name switch
        {
            "Time" or "MicroTime" => integer == 0 && nanos == 0 ? null : Timestamp(integer, nanos, message.Name == "MicroTime"),
            "IntOrString" => kind == 1 ? JsonValue.Create(text) : JsonValue.Create((int)integer),
            "Quantity" => JsonValue.Create(text.Length == 0 ? "0" : text),
            _ => raw.IsEmpty ? null : ParseJson(raw, message.Name),
        };
    }

    private static JsonValue Timestamp(long seconds, long nanos, bool micro)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
        return JsonValue.Create(time.UtcDateTime.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static JsonNode ParseJson(ReadOnlySpan<byte> raw, string name)
    {
        try
        {
            return JsonNode.Parse(raw) ?? throw new ProtobufException($"the {name} holds null");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new ProtobufException($"the {name} does not hold JSON; nested protobuf objects are not supported");
        }
    }
}
