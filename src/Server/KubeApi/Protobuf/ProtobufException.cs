namespace Playground.Server.KubeApi.Protobuf;

/// <summary>A protobuf body that cannot be decoded: malformed bytes, an unknown kind or an unknown field; the API answers 400.</summary>
public sealed class ProtobufException(string message) : Exception(message);
