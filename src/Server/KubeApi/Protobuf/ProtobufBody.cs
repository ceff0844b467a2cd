using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi.Protobuf;

/// <summary>
/// Request bodies in Kubernetes' protobuf encoding, as client-go's typed clients send them: the magic "k8s\0" and a
/// runtime.Unknown envelope naming the apiVersion and kind around the object's bytes. They become the JSON object the API reads.
/// </summary>
public static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static bool IsProtobuf(string? contentType) => MediaTypeOf(contentType) == MediaType;

    /// <summary>The 415 answer for a body neither JSON nor protobuf (YAML, CBOR, ...), in upstream's words; null when the body can be read.</summary>
    public static KubeResponse? Refusal(string? contentType) => MediaTypeOf(contentType) is null or "application/json" or MediaType
        ? null
        : KubeResponse.Failure(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: application/json, {MediaType}");

    /// <summary>The object as JSON, or a 400 Status that says why the bytes are not a Kubernetes protobuf object.</summary>
    public static (JsonObject? Body, KubeResponse? Problem) Decode(ReadOnlySpan<byte> body)
    {
        try
        {
            return (ToJson(body), null);
        }
        catch (ProtobufException e)
        {
            return (null, KubeResponse.Failure(400, "BadRequest", $"the body of the request was in an unknown format: {e.Message}"));
        }
    }

    /// <summary>Decodes a whole body; throws <see cref="ProtobufException"/> with the reason when it cannot.</summary>
    public static JsonObject ToJson(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic)) throw new ProtobufException("the protobuf body does not start with the Kubernetes magic bytes \"k8s\\x00\"");
        var reader = new ProtoReader(body[Magic.Length..]);
        string apiVersion = "", kind = "", encoding = "";
        var raw = ReadOnlySpan<byte>.Empty;
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (wire != WireType.LengthDelimited) throw new ProtobufException($"field {field} of the runtime.Unknown envelope has wire type {(int)wire}");
            var bytes = reader.ReadLengthDelimited();
            switch (field)
            {
                case 1: (apiVersion, kind) = TypeMeta(bytes); break;
                case 2: raw = bytes; break;
                case 3: encoding = ProtoText.Utf8(bytes); break;
                case 4: break;
                default: throw new ProtobufException($"field {field} of the runtime.Unknown envelope is not known");
            }
        }
        if (encoding.Length > 0) throw new ProtobufException($"the content encoding \"{encoding}\" is not supported");
        if (apiVersion.Length == 0 || kind.Length == 0) throw new ProtobufException("the envelope does not name the object's apiVersion and kind");
        var message = ProtoSchemas.Kind(apiVersion, kind)
            ?? throw new ProtobufException($"no kind \"{kind}\" is registered for version \"{apiVersion}\"");
        var json = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        MessageDecoder.Into(json, message, raw, "");
        return json;
    }

    private static (string ApiVersion, string Kind) TypeMeta(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        string apiVersion = "", kind = "";
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (wire != WireType.LengthDelimited || field is not (1 or 2)) throw new ProtobufException($"field {field} of the envelope's typeMeta is not known");
            var text = ProtoText.Utf8(reader.ReadLengthDelimited());
            if (field == 1) apiVersion = text;
            else kind = text;
        }
        return (apiVersion, kind);
    }

    private static string? MediaTypeOf(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();
}
