using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Which ReplicaSet runs which pod template: the pod-template-hash, template equality, new and old ReplicaSets.</summary>
internal static class Templates
{
    public const string HashLabel = "pod-template-hash";

    /// <summary>The alphabet of upstream's rand.SafeEncodeString: no vowels, no look-alike digits.</summary>
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>
    /// Upstream's controller.ComputeHash: FNV-1a (32 bit) of the template and the collision count, its decimal digits
    /// re-spelled in the safe alphabet, giving names like "web-7d4b9c8f5". Upstream hashes Go's dump of the struct; this
    /// hashes the canonical JSON, so values differ from a real cluster's but keep their shape and determinism.
    /// </summary>
    public static string Hash(PodTemplateSpec template, int? collisionCount)
    {
        var bytes = Encoding.UTF8.GetBytes(Canonical(template, ignoreHashLabel: false)).ToList();
        if (collisionCount is int count)
        {
            var extra = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(extra, (uint)count);
            bytes.AddRange(extra);
        }
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return SafeEncode(hash);
    }

    /// <summary>Upstream's rand.SafeEncodeString of a hash's decimal digits.</summary>
    public static string SafeEncode(uint hash) =>
        string.Concat(hash.ToString(CultureInfo.InvariantCulture).Select(digit => SafeAlphabet[digit % SafeAlphabet.Length]));

    /// <summary>Upstream's EqualIgnoreHash: the same template but for the pod-template-hash label (empty and absent lists alike).</summary>
    public static bool EqualIgnoreHash(PodTemplateSpec? a, PodTemplateSpec? b) =>
        a is not null && b is not null && Canonical(a, ignoreHashLabel: true) == Canonical(b, ignoreHashLabel: true);

    /// <summary>The oldest ReplicaSet running the deployment's current template, if any.</summary>
    public static ReplicaSet? FindNew(Deployment d, IEnumerable<ReplicaSet> replicaSets) =>
        ReplicaSetOrder.ByCreation(replicaSets).FirstOrDefault(rs => EqualIgnoreHash(rs.Spec.Template, d.Spec.Template));

    /// <summary>Every ReplicaSet but the new one.</summary>
    public static List<ReplicaSet> FindOld(IReadOnlyList<ReplicaSet> replicaSets, ReplicaSet? newRs) =>
        [.. replicaSets.Where(rs => newRs is null || rs.Metadata.Uid != newRs.Metadata.Uid)];

    private static string Canonical(PodTemplateSpec template, bool ignoreHashLabel)
    {
        var node = JsonNode.Parse(KubeJson.SerializeValue(template))!.AsObject();
        if (ignoreHashLabel && node["metadata"]?["labels"] is JsonObject labels) labels.Remove(HashLabel);
        return Normalize(node)?.ToJsonString() ?? "{}";
    }

    /// <summary>Sorted keys, and empty objects and lists dropped, so equal templates give equal text however they were written.</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Count == 0 ? null : Sorted(obj),
        JsonArray array => array.Count == 0 ? null : new JsonArray([.. array.Select(Normalize)]),
        _ => node?.DeepClone(),
    };

    private static JsonObject? Sorted(JsonObject obj)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (Normalize(value) is { } normalized) sorted[key] = normalized;
        return sorted.Count == 0 ? null : sorted;
    }
}
