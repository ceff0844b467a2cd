using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Volumes;

/// <summary>
/// What the volume plugins put in a pod's volume, as upstream's configmap, secret, projected, downwardAPI and emptyDir
/// plugins build their payload: one file per key (or per item's path), or the error that fails MountVolume.SetUp.
/// </summary>
public static class VolumeSources
{
    /// <summary>The volume's files (path in the volume → content), or why it cannot be set up; both null when its contents are not simulated (PVC, hostPath).</summary>
    public static (IReadOnlyDictionary<string, string>? Files, string? Error) Payload(ApiServer.ApiServer api, Pod pod, Volume volume)
    {
        var ns = pod.Metadata.Namespace ?? "default";
        if (volume.EmptyDir is not null) return (new Dictionary<string, string>(), null);
        if (volume.ConfigMap is { } configMap) return Keyed(api, ns, configMap, "name", secret: false);
        if (volume.Secret is { } secret) return Keyed(api, ns, secret, "secretName", secret: true);
        if (volume.DownwardAPI is { } downward) return (DownwardFiles(pod, downward["items"] as JsonArray), null);
        if (volume.Projected is { } projected) return Projected(api, ns, pod, projected);
        return (null, null);
    }

    /// <summary>Upstream's MakePayload: every key (data and binaryData) as a file, or only the listed items at their paths.</summary>
    private static (IReadOnlyDictionary<string, string>? Files, string? Error) Keyed(ApiServer.ApiServer api, string ns, JsonObject source, string nameField, bool secret)
    {
        var name = source[nameField]?.GetValue<string>() ?? "";
        var optional = source["optional"]?.GetValue<bool>() == true;
        var data = Data(api, ns, name, secret);
        if (data is null) return optional ? (new Dictionary<string, string>(), null) : (null, $"{(secret ? "secret" : "configmap")} \"{name}\" not found");
        if (source["items"] is not JsonArray { Count: > 0 } items) return (data, null);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.OfType<JsonObject>())
        {
            var key = item["key"]?.GetValue<string>() ?? "";
            if (data.TryGetValue(key, out var value)) files[item["path"]?.GetValue<string>() ?? key] = value;
            else if (!optional) return (null, secret ? $"references non-existent secret key: {key}" : $"configmap references non-existent config key: {key}");
        }
        return (files, null);
    }

    /// <summary>A configmap's data and binaryData, or a secret's data, decoded as the files hold them; null when it does not exist.</summary>
    private static Dictionary<string, string>? Data(ApiServer.ApiServer api, string ns, string name, bool secret)
    {
        if (secret) return ContainerEnvironment.ConfigData(api, ns, name, secret: true);
        if (api.TryGet<ConfigMap>(ns, name) is not { } configMap) return null;
        var data = new Dictionary<string, string>(configMap.Data ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in configMap.BinaryData ?? []) data[key] = Encoding.UTF8.GetString(Convert.FromBase64String(value));
        return data;
    }

    /// <summary>A projected volume joins its sources' files; upstream aggregates their errors, bracketed when there are several.</summary>
    private static (IReadOnlyDictionary<string, string>? Files, string? Error) Projected(ApiServer.ApiServer api, string ns, Pod pod, JsonObject projected)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var source in (projected["sources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var (part, error) = source switch
            {
                _ when source["configMap"] is JsonObject c => Keyed(api, ns, c, "name", secret: false),
                _ when source["secret"] is JsonObject s => Keyed(api, ns, s, "name", secret: true),
                _ when source["downwardAPI"] is JsonObject d => (DownwardFiles(pod, d["items"] as JsonArray), null),
                _ => (new Dictionary<string, string>(), null),
            };
            if (error is not null) errors.Add(error);
            foreach (var (path, content) in part ?? new Dictionary<string, string>()) files[path] = content;
        }
        return errors.Count switch
        {
            0 => (files, null),
            1 => (null, errors[0]),
            _ => (null, $"[{string.Join(", ", errors)}]"),
        };
    }

    /// <summary>downwardAPI items: a fieldRef's value, with labels and annotations as sorted key="value" lines (fieldpath.FormatMap).</summary>
    private static Dictionary<string, string> DownwardFiles(Pod pod, JsonArray? items)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (items ?? []).OfType<JsonObject>())
        {
            if (item["path"]?.GetValue<string>() is not { } path || item["fieldRef"]?["fieldPath"]?.GetValue<string>() is not { } field) continue;
            files[path] = field switch
            {
                "metadata.labels" => FormatMap(pod.Metadata.Labels),
                "metadata.annotations" => FormatMap(pod.Metadata.Annotations),
                _ => ContainerEnvironment.Field(pod, field),
            };
        }
        return files;
    }

    private static string FormatMap(Dictionary<string, string>? map) =>
        string.Join('\n', (map ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}=\"{p.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\""));
}
