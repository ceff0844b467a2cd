using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Serialization;

namespace Playground.Client.Cluster;

/// <summary>
/// A Secret as the page may keep and show it: each value replaced by its size, as <c>kubectl describe secret</c> shows them,
/// in data, stringData and the copy kubectl apply keeps in an annotation. The keys stay, so tables still count them.
/// </summary>
public static class SecretValues
{
    private const string Mark = "(hidden";

    /// <summary>A copy with the values hidden; the secret itself, shared with the store, is left alone. Hiding twice changes nothing.</summary>
    public static Secret Hide(Secret secret)
    {
        var copy = KubeJson.Clone(secret);
        copy.Data = copy.Data?.ToDictionary(d => d.Key, d => HideText(d.Value, DecodedLength));
        copy.StringData = copy.StringData?.ToDictionary(d => d.Key, d => HideText(d.Value, text => Encoding.UTF8.GetByteCount(text)));
        if (copy.Metadata.Annotations?.GetValueOrDefault(ApplyCommand.LastAppliedAnnotation) is { } applied)
            copy.Metadata.Annotations[ApplyCommand.LastAppliedAnnotation] = HideApplied(applied);
        return copy;
    }

    /// <summary>"(hidden, 7 bytes)"; a value hidden already stays as it is (base64 has no parentheses, so no real value of data looks like one).</summary>
    private static string HideText(string? value, Func<string, int?> size) =>
        value is null ? $"{Mark})"
        : value.StartsWith(Mark, StringComparison.Ordinal) ? value
        : size(value) is { } bytes ? $"{Mark}, {bytes} bytes)" : $"{Mark})";

    private static int? DecodedLength(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? written : null;
    }

    /// <summary>kubectl's last-applied configuration is the applied manifest as JSON, values and all.</summary>
    private static string HideApplied(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject manifest) return $"{Mark})";
            if (manifest["data"] is JsonObject data)
                foreach (var (key, value) in data.ToList())
                    data[key] = HideText(KubeJson.Text(value), DecodedLength);
            if (manifest["stringData"] is JsonObject stringData)
                foreach (var (key, value) in stringData.ToList())
                    stringData[key] = HideText(KubeJson.Text(value), text => Encoding.UTF8.GetByteCount(text));
            return GoJson.Compact(manifest);
        }
        catch (JsonException)
        {
            return $"{Mark})";
        }
    }
}
