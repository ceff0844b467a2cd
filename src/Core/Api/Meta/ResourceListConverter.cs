using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Core.Api.Meta;

/// <summary>
/// A ResourceList (resource name → quantity): like upstream's Quantity.UnmarshalJSON it takes a bare number as well
/// as a string, so YAML's <c>cpu: 1</c> or <c>memory: 1e9</c> is read as the quantity "1" or "1e9".
/// </summary>
public sealed class ResourceListConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a map of resource names to quantities");
        var list = new Dictionary<string, string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            list[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw new JsonException($"quantities must be strings or numbers, not {reader.TokenType}"),
            };
        }
        return list;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, quantity) in value) writer.WriteString(name, quantity);
        writer.WriteEndObject();
    }
}
