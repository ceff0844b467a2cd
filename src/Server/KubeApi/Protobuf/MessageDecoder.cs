using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi.Protobuf;

/// <summary>Turns one protobuf message into the JSON object Go's encoding/json would write for the same Go struct.</summary>
internal static class MessageDecoder
{
    public static JsonObject Decode(ProtoMessage message, ReadOnlySpan<byte> bytes, string path)
    {
        var json = new JsonObject();
        Into(json, message, bytes, path);
        return json;
    }

    /// <summary>Decodes into an existing object, so that an inlined struct (Go's embedded field) lands in its parent.</summary>
    public static void Into(JsonObject json, ProtoMessage message, ReadOnlySpan<byte> bytes, string path)
    {
        var reader = new ProtoReader(bytes);
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (!message.Fields.TryGetValue(number, out var field))
                throw new ProtobufException($"{Where(path)}field {number} of {message.Name} is not known to this server");
            var name = field.JsonName ?? "";
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            if (field.Map)
            {
                var (key, value) = MapEntry(message, field, Expect(ref reader, wire, WireType.LengthDelimited, field, fieldPath), fieldPath);
                var map = json[name] as JsonObject ?? (JsonObject)(json[name] = new JsonObject());
                map[key] = value;
            }
            else if (field.Type == ProtoType.Message && field.JsonName is null)
            {
                Into(json, ProtoSchemas.Resolve(message, field.MessageName!), Expect(ref reader, wire, WireType.LengthDelimited, field, path), path);
            }
            else if (field.Repeated)
            {
                var list = json[name] as JsonArray ?? (JsonArray)(json[name] = new JsonArray());
                if (wire == WireType.LengthDelimited && field.Type is ProtoType.Int32 or ProtoType.Int64 or ProtoType.Bool)
                {
                    // A packed list: proto2 Kubernetes messages are never packed, but a proto3 writer may pack them.
                    var packed = new ProtoReader(reader.ReadLengthDelimited());
                    while (!packed.AtEnd) list.Add(Scalar(field, packed.ReadVarint()));
                }
                else list.Add(Value(message, field, ref reader, wire, $"{fieldPath}[{list.Count}]"));
            }
            else
            {
                var value = Value(message, field, ref reader, wire, fieldPath);
                if (value is null || (!field.Pointer && IsZero(value))) json.Remove(name);
                else json[name] = value;
            }
        }
    }

    private static JsonNode? Value(ProtoMessage owner, ProtoField field, ref ProtoReader reader, WireType wire, string path) => field.Type switch
    {
        ProtoType.String => JsonValue.Create(ProtoText.Utf8(Expect(ref reader, wire, WireType.LengthDelimited, field, path))),
        ProtoType.Bytes => JsonValue.Create(Convert.ToBase64String(Expect(ref reader, wire, WireType.LengthDelimited, field, path))),
        ProtoType.Double => JsonValue.Create(BitConverter.UInt64BitsToDouble(ExpectFixed64(ref reader, wire, field, path))),
        ProtoType.Message => Nested(ProtoSchemas.Resolve(owner, field.MessageName!), Expect(ref reader, wire, WireType.LengthDelimited, field, path), path),
        _ => Scalar(field, ExpectVarint(ref reader, wire, field, path)),
    };

    private static JsonNode? Nested(ProtoMessage message, ReadOnlySpan<byte> bytes, string path)
    {
        if (!WellKnownTypes.Handles(message)) return Decode(message, bytes, path);
        try
        {
            return WellKnownTypes.Convert(message, bytes);
        }
        catch (ProtobufException e)
        {
            throw new ProtobufException($"{Where(path)}{e.Message}");
        }
    }

    private static JsonValue Scalar(ProtoField field, ulong varint) => field.Type switch
    {
        ProtoType.Int32 => JsonValue.Create((int)(long)varint),
        ProtoType.Int64 => JsonValue.Create((long)varint),
        _ => JsonValue.Create(varint != 0),
    };

    /// <summary>A map entry is a message with the key in field 1 and the value in field 2; a missing part is its zero value.</summary>
    private static (string Key, JsonNode? Value) MapEntry(ProtoMessage owner, ProtoField field, ReadOnlySpan<byte> bytes, string path)
    {
        var reader = new ProtoReader(bytes);
        var key = "";
        JsonNode? value = null;
        while (!reader.AtEnd)
        {
            var (number, wire) = reader.ReadTag();
            if (number == 1) key = ProtoText.Utf8(Expect(ref reader, wire, WireType.LengthDelimited, field, path));
            else if (number == 2) value = Value(owner, field, ref reader, wire, $"{path}[{key}]");
            else throw new ProtobufException($"{Where(path)}a map entry has field {number}; only the key (1) and value (2) are allowed");
        }
        return (key, value ?? field.Type switch
        {
            ProtoType.String or ProtoType.Bytes => JsonValue.Create(""),
            ProtoType.Message => null,
            _ => JsonValue.Create(0),
        });
    }

    private static bool IsZero(JsonNode value) => value is JsonValue v && (
        (v.TryGetValue<string>(out var s) && s.Length == 0)
        || (v.TryGetValue<int>(out var i) && i == 0)
        || (v.TryGetValue<long>(out var l) && l == 0)
        || (v.TryGetValue<bool>(out var b) && !b)
        || (v.TryGetValue<double>(out var d) && d == 0));

    private static ReadOnlySpan<byte> Expect(ref ProtoReader reader, WireType wire, WireType expected, ProtoField field, string path) =>
        wire == expected ? reader.ReadLengthDelimited() : throw WrongWire(field, wire, path);

    private static ulong ExpectVarint(ref ProtoReader reader, WireType wire, ProtoField field, string path) =>
        wire == WireType.Varint ? reader.ReadVarint() : throw WrongWire(field, wire, path);

    private static ulong ExpectFixed64(ref ProtoReader reader, WireType wire, ProtoField field, string path) =>
        wire == WireType.Fixed64 ? reader.ReadFixed64() : throw WrongWire(field, wire, path);

    private static ProtobufException WrongWire(ProtoField field, WireType wire, string path) =>
        new($"{Where(path)}field {field.Number} has wire type {(int)wire}, which does not fit its type");

    private static string Where(string path) => path.Length == 0 ? "" : $"at {path}: ";
}
