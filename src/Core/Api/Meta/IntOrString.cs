using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Core.Api.Meta;

/// <summary>A value that is either an integer or a string such as "25%", as in maxSurge or targetPort.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    public static implicit operator IntOrString(int value) => new(value, null);
    public static implicit operator IntOrString(string value) => new(null, value);
    public bool IsInt => IntValue.HasValue;
    public override string ToString() => IntValue?.ToString() ?? StringValue ?? "";

    /// <summary>Resolves against a total, as upstream's GetScaledValueFromIntOrPercent does.</summary>
    public int Scaled(int total, bool roundUp)
    {
        if (IntValue is int i) return i;
        var text = StringValue ?? "0";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], out var percent))
            throw new FormatException($"invalid value for IntOrString: invalid type: string is not a percentage");
        var exact = percent * (double)total / 100;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }
}

internal sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => new IntOrString(reader.GetInt32(), null),
            JsonTokenType.String => new IntOrString(null, reader.GetString()),
            _ => throw new JsonException("expected an integer or a string"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IntValue is int i) writer.WriteNumberValue(i);
        else writer.WriteStringValue(value.StringValue);
    }
}
