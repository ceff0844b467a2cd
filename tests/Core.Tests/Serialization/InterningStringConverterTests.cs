using System.Text.Json;
using Playground.Core.Api.Core;
using Playground.Core.Serialization;

namespace Playground.Core.Tests.Serialization;

/// <summary>Runs alone: the table is shared, so a test decoding at the same time could take a slot between two decodes.</summary>
[CollectionDefinition(nameof(InterningStringConverterTests), DisableParallelization = true)]
public sealed class InterningCollection;

[Collection(nameof(InterningStringConverterTests))]
public sealed class InterningStringConverterTests
{
    [Fact]
    public void Equal_short_values_and_label_keys_decoded_in_different_objects_are_one_string()
    {
        var a = KubeJson.Deserialize<ConfigMap>("""{"metadata":{"name":"a","namespace":"team-blue","labels":{"app.kubernetes.io/name":"web"}},"data":{"m":"Pulling image \"nginx\""}}""");
        var b = KubeJson.Deserialize<ConfigMap>("""{"metadata":{"name":"b","namespace":"team-blue","labels":{"app.kubernetes.io/name":"web"}},"data":{"m":"Pulling image \"nginx\""}}""");

        Assert.Same(a.Metadata.Namespace, b.Metadata.Namespace);
        Assert.Same(a.Metadata.Labels!.Keys.Single(), b.Metadata.Labels!.Keys.Single());
        Assert.Same(a.Metadata.Labels["app.kubernetes.io/name"], b.Metadata.Labels["app.kubernetes.io/name"]);
        Assert.Same(a.Data!["m"], b.Data!["m"]);
        Assert.Equal("Pulling image \"nginx\"", a.Data["m"]);
    }

    [Fact]
    public void Escaped_long_empty_and_non_ascii_values_decode_to_their_text_and_encode_as_without_interning()
    {
        var longValue = new string('x', 300);
        var map = KubeJson.Deserialize<ConfigMap>(
            $$$"""{"metadata":{"name":"a\u0041"},"data":{"long":"{{{longValue}}}","empty":"","accent":"café","quote":"say \"hi\""}}""");

        Assert.Equal("aA", map.Metadata.Name);
        Assert.Equal(longValue, map.Data!["long"]);
        Assert.Equal("", map.Data["empty"]);
        Assert.Equal("café", map.Data["accent"]);
        Assert.Equal("say \"hi\"", map.Data["quote"]);
        Assert.Equal(JsonSerializer.Serialize(map, Plain()), KubeJson.Serialize(map));
    }

    [Theory]
    [InlineData("""{"metadata":{"name":5}}""")]
    [InlineData("""{"metadata":{"labels":{"a":5}}}""")]
    [InlineData("""{"data":{"k":[1]}}""")]
    [InlineData("""{"metadata":{"labels":{"a":null}}}""")]
    public void Values_that_are_not_strings_decode_or_fail_exactly_as_without_interning(string json)
    {
        Assert.Equal(Outcome(() => JsonSerializer.Deserialize<ConfigMap>(json, Plain())), Outcome(() => KubeJson.Deserialize<ConfigMap>(json)));
    }

    private static JsonSerializerOptions Plain()
    {
        var plain = new JsonSerializerOptions(KubeJson.Options);
        plain.Converters.Remove(plain.Converters.OfType<InterningStringConverter>().Single());
        return plain;
    }

    private static string Outcome(Func<ConfigMap?> decode)
    {
        try
        {
            return KubeJson.Serialize(decode()!);
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
