using System.Globalization;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Lists;

/// <summary>One page of a collection: the objects that match, in etcd's key order, with the list's revision and the token for the rest.</summary>
public sealed record ListPage(IReadOnlyList<KubeObject> Items, string ResourceVersion, string? Continue, long? RemainingItemCount)
{
    /// <summary>Reads a page on the sandbox's loop.</summary>
    /// <exception cref="ApiException">504 for a resourceVersion the store has not reached, as upstream answers after waiting for it.</exception>
    public static ListPage Read(SimulatedCluster cluster, ResourcePath path, ListQuery query)
    {
        var store = cluster.Store;
        CheckResourceVersion(query.ResourceVersion, store.Revision);
        var revision = query.Continue?.Revision ?? store.Revision;
        var after = query.Continue is { } token ? EtcdKey(token.Namespace, token.Name) : null;
        var matching = cluster.Api.List(path.Type, path.Namespace, query.Labels)
            .Where(o => after is null || string.CompareOrdinal(EtcdKey(o.Metadata.Namespace, o.Metadata.Name!), after) > 0)
            .Where(query.Fields.Matches)
            .ToList();
        if (query.Limit is not { } limit || matching.Count <= limit)
            return new ListPage(matching, Text(revision), null, null);
        var page = matching.GetRange(0, limit);
        var last = page[^1].Metadata;
        var next = new ContinueToken(revision, last.Namespace, last.Name!).Encode();
        // Upstream counts what is left only when it can do so without filtering, i.e. without selectors.
        long? remaining = query.Labels is null && query.Fields.IsEverything ? matching.Count - limit : null;
        return new ListPage(page, Text(revision), next, remaining);
    }

    /// <summary>Upstream's ListMeta: resourceVersion, and continue with remainingItemCount when more pages follow.</summary>
    public System.Text.Json.Nodes.JsonObject Metadata()
    {
        var metadata = new System.Text.Json.Nodes.JsonObject { ["resourceVersion"] = ResourceVersion };
        if (Continue is not null) metadata["continue"] = Continue;
        if (RemainingItemCount is { } remaining) metadata["remainingItemCount"] = remaining;
        return metadata;
    }

    /// <summary>"" and "0" mean any recent state; a number past the store's revision cannot be served yet.</summary>
    internal static void CheckResourceVersion(string? text, long current)
    {
        if (text is null or "0") return;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted))
            throw ApiException.BadRequest($"invalid resource version \"{text}\": it must be a revision number");
        if (wanted > current)
            throw new ApiException(new Status { Code = 504, Reason = "Timeout", Message = $"Too large resource version: {wanted}, current: {current}" });
    }

    /// <summary>Store keys sort as etcd's "namespace/name" strings do.</summary>
    private static string EtcdKey(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    private static string Text(long revision) => revision.ToString(CultureInfo.InvariantCulture);
}
