using System.Text;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>The few protobuf encodings the OpenAPI v2 document needs: strings, booleans and nested messages (length-delimited).</summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    public ProtoWriter String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return this;
        return Bytes(field, Encoding.UTF8.GetBytes(value));
    }

    public ProtoWriter Bool(int field, bool value)
    {
        if (!value) return this;
        Varint((ulong)field << 3);
        Varint(1);
        return this;
    }

    /// <summary>A nested message, written by <paramref name="write"/> into its own buffer so that its length can go first.</summary>
    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var inner = new ProtoWriter();
        write(inner);
        return Bytes(field, inner.ToArray());
    }

    public byte[] ToArray() => _buffer.ToArray();

    private ProtoWriter Bytes(int field, byte[] bytes)
    {
        Varint(((ulong)field << 3) | 2);
        Varint((ulong)bytes.Length);
        _buffer.Write(bytes);
        return this;
    }

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
