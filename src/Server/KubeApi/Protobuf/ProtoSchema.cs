namespace Playground.Server.KubeApi.Protobuf;

/// <summary>How a field's value is written on the wire and in JSON.</summary>
internal enum ProtoType { String, Bytes, Int32, Int64, Bool, Double, Message }

/// <summary>
/// One field of a message: its number, JSON name (null when Go inlines the struct into its parent), type and shape.
/// A pointer field keeps a zero value, because only a set pointer is on the wire; a plain Go value is always on the wire,
/// so its zero value means "unset" and is left out, as Go's JSON omitempty would.
/// </summary>
internal sealed record ProtoField(int Number, string? JsonName, ProtoType Type, string? MessageName, bool Repeated, bool Map, bool Pointer);

/// <summary>A message's fields by number, in the package (a Kubernetes API group version) that declares it.</summary>
internal sealed record ProtoMessage(string Package, string Name, IReadOnlyDictionary<int, ProtoField> Fields);

/// <summary>
/// Parses the compact field lists of the schema tables: "1 metadata ObjectMeta; 2 spec DeploymentSpec", where a type is
/// string|bytes|int32|int64|bool|double or a message name, "[]T" is repeated, "map:T" is map&lt;string, T&gt;,
/// a trailing "?" marks a Go pointer, and the name "-" marks an inlined struct.
/// </summary>
internal static class ProtoSchema
{
    public static ProtoMessage Message(string package, string name, string fields) =>
        new(package, name, fields.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Field(name, f)).ToDictionary(f => f.Number));

    private static ProtoField Field(string message, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !int.TryParse(parts[0], out var number))
            throw new InvalidOperationException($"bad field \"{text}\" in the protobuf schema of {message}");
        var type = parts[2];
        var pointer = type.EndsWith('?');
        var repeated = type.StartsWith("[]", StringComparison.Ordinal);
        var map = type.StartsWith("map:", StringComparison.Ordinal);
        type = type.TrimEnd('?');
        if (repeated) type = type[2..];
        if (map) type = type[4..];
        var scalar = type switch
        {
            "string" => ProtoType.String,
            "bytes" => ProtoType.Bytes,
            "int32" => ProtoType.Int32,
            "int64" => ProtoType.Int64,
            "bool" => ProtoType.Bool,
            "double" => ProtoType.Double,
            _ => ProtoType.Message,
        };
        return new ProtoField(number, parts[1] == "-" ? null : parts[1], scalar, scalar == ProtoType.Message ? type : null, repeated, map, pointer);
    }
}
