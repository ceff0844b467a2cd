using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.History;

/// <summary>
/// Upstream's pkg/controller/history: the ControllerRevisions a StatefulSet or DaemonSet keeps of its pod template,
/// named "&lt;owner&gt;-&lt;hash&gt;", numbered in order, compared by their data.
/// </summary>
public static class ControllerHistory
{
    public const string HashLabel = "controller-revision-hash";

    /// <summary>The revision data both controllers write: the template under spec, marked to replace on apply.</summary>
    public static JsonObject Patch(PodTemplateSpec template)
    {
        var node = JsonNode.Parse(KubeJson.SerializeValue(template))!.AsObject();
        var replaced = new JsonObject { ["$patch"] = "replace" };
        foreach (var (key, value) in node) replaced[key] = value?.DeepClone();
        return new JsonObject { ["spec"] = new JsonObject { ["template"] = replaced } };
    }

    /// <summary>The template a revision holds (what rollout undo restores).</summary>
    public static PodTemplateSpec Template(ControllerRevision revision)
    {
        var template = revision.Data?["spec"]?["template"]?.DeepClone().AsObject() ?? new JsonObject();
        template.Remove("$patch");
        return KubeJson.Deserialize<PodTemplateSpec>(template.ToJsonString());
    }

    /// <summary>Upstream's HashControllerRevision: FNV-32 of the data and the collision count, safe-encoded.</summary>
    public static string Hash(JsonObject? data, int? collisionCount)
    {
        var bytes = Encoding.UTF8.GetBytes(data?.ToJsonString() ?? "").AsEnumerable();
        if (collisionCount is int probe) bytes = bytes.Concat(Encoding.UTF8.GetBytes(probe.ToString(CultureInfo.InvariantCulture)));
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash * 16777619u) ^ b;
        return Templates.SafeEncode(hash);
    }

    /// <summary>Upstream's NewControllerRevision: the template labels plus the hash, owned by the controller.</summary>
    public static ControllerRevision New(KubeObject owner, IReadOnlyDictionary<string, string>? templateLabels, JsonObject data, long revision, int? collisionCount)
    {
        var hash = Hash(data, collisionCount);
        var labels = templateLabels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(templateLabels);
        labels[HashLabel] = hash;
        return new ControllerRevision
        {
            Metadata = new ObjectMeta
            {
                Name = $"{owner.Metadata.Name}-{hash}",
                Namespace = owner.Metadata.Namespace,
                Labels = labels,
                OwnerReferences = [ControllerRefs.For(owner)],
            },
            Data = data,
            Revision = revision,
        };
    }

    public static bool Equal(ControllerRevision a, ControllerRevision b) =>
        a.Data?.ToJsonString() == b.Data?.ToJsonString();

    /// <summary>Upstream's SortControllerRevisions: by revision number, then creation time, then name.</summary>
    public static List<ControllerRevision> Sorted(IEnumerable<ControllerRevision> revisions) =>
        [.. revisions.OrderBy(r => r.Revision).ThenBy(r => r.Metadata.CreationTimestamp).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>The revisions an owner controls, oldest first.</summary>
    public static List<ControllerRevision> Owned(IEnumerable<ControllerRevision> revisions, KubeObject owner) =>
        Sorted(revisions.Where(r => ControllerRefs.ControllerOf(r)?.Uid == owner.Metadata.Uid));

    public static long Next(IReadOnlyList<ControllerRevision> sorted) => sorted.Count == 0 ? 1 : sorted[^1].Revision + 1;

    /// <summary>
    /// Upstream's realHistory.CreateControllerRevision: a name taken by different data bumps the collision count and
    /// hashes again (with the owner's hash function); the same data already stored is returned as is.
    /// </summary>
    public static ControllerRevision Create(ApiServer.ApiServer api, KubeObject owner, ControllerRevision revision, ref int collisionCount,
        Func<int, string> hashFor, WriteContext context)
    {
        while (true)
        {
            var candidate = KubeJson.Clone(revision);
            var hash = hashFor(collisionCount);
            candidate.Metadata.Name = $"{owner.Metadata.Name}-{hash}";
            candidate.Metadata.Labels![HashLabel] = hash;
            try
            {
                return api.Create(candidate, context);
            }
            catch (ApiException e) when (e.Code == 409)
            {
                var existing = api.Get<ControllerRevision>(owner.Metadata.Namespace, candidate.Metadata.Name);
                if (ControllerRefs.ControllerOf(existing)?.Uid == owner.Metadata.Uid && Equal(existing, candidate)) return existing;
                collisionCount++;
            }
        }
    }

    /// <summary>Gives an existing revision a new number (a rollback to an earlier template).</summary>
    public static ControllerRevision Renumber(ApiServer.ApiServer api, ControllerRevision revision, long number, WriteContext context)
    {
        if (revision.Revision == number) return revision;
        var copy = KubeJson.Clone(revision);
        copy.Revision = number;
        return api.Update(copy, context);
    }

    /// <summary>Deletes the oldest revisions no pod or status uses until only the history limit of them remain.</summary>
    public static void Truncate(ApiServer.ApiServer api, IReadOnlyList<ControllerRevision> sorted, ISet<string> live, int? limit, WriteContext context)
    {
        var history = sorted.Where(r => !live.Contains(r.Metadata.Name!)).ToList();
        var keep = limit ?? 10;
        if (keep < 0 || history.Count <= keep) return;
        foreach (var old in history.Take(history.Count - keep))
        {
            try { api.Delete<ControllerRevision>(old.Metadata.Namespace, old.Metadata.Name!, context); }
            catch (ApiException e) when (e.Code == 404) { }
        }
    }
}
