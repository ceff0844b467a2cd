namespace Playground.Server.KubeApi.Protobuf;

/// <summary>Reads the protobuf wire format (varints, length-delimited fields, fixed32/64) from a byte span.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position >= _bytes.Length;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, WireType Type) ReadTag()
    {
        var tag = ReadVarint();
        var field = tag >> 3;
        if (field is 0 or > int.MaxValue) throw new ProtobufException($"invalid field number {field}");
        return ((int)field, (WireType)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _bytes.Length) throw new ProtobufException("the data ends inside a varint");
            var b = _bytes[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new ProtobufException("a varint is longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_bytes.Length - _position)) throw new ProtobufException("a length-delimited field runs past the end of the data");
        var slice = _bytes.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public ulong ReadFixed64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_bytes.Length - _position < count) throw new ProtobufException("the data ends inside a fixed-width field");
        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }
}

/// <summary>The protobuf wire types; groups (3, 4) are long deprecated and Kubernetes never sends them.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
