using System.Globalization;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Server.KubeApi.Lists;

/// <summary>
/// One page of a collection: the objects that match, in etcd's key order, as they were at the list's revision, with the
/// token for the rest. Every page of a paged list reads the revision of its first page, as etcd serves upstream's pages.
/// </summary>
public sealed record ListPage(IReadOnlyList<KubeObject> Items, string ResourceVersion, string? Continue, long? RemainingItemCount)
{
    private const string TooOld = "The resourceVersion for the provided list is too old.";

    private const string InconsistentContinue = "The provided continue parameter is too old to display a consistent list result. "
        + "You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. "
        + "Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    /// <summary>Reads a page on the sandbox's loop.</summary>
    /// <exception cref="ApiException">422 or 400 for options that do not go together, 410 for a revision that has left the
    /// history window, 504 for one the store has not reached (upstream answers so after waiting for it).</exception>
    public static ListPage Read(SimulatedCluster cluster, ResourcePath path, ListQuery query)
    {
        var store = cluster.Store;
        var revision = Revision(query, store.Revision);
        var ns = path.Type.Namespaced ? path.Namespace : null;
        var records = store.ListAt(path.Type.Plural, ns, revision) ?? throw Expired(query.Continue);
        var after = query.Continue is { } token ? EtcdKey(token.Namespace, token.Name) : null;
        var matching = records
            .Where(r => after is null || string.CompareOrdinal(EtcdKey(r.Key.Namespace, r.Key.Name), after) > 0)
            .Where(r => query.Labels is null || LabelSelectors.Matches(query.Labels, r.Object.Metadata.Labels))
            .Where(r => query.Fields.Matches(r.Object))
            .ToList();
        // resourceVersion=0 is served whole from upstream's watch cache, which ignores limit.
        var limit = query.ResourceVersion == "0" && query.Continue is null ? null : query.Limit;
        if (limit is not { } size || matching.Count <= size)
            return new ListPage(Copies(matching), Text(revision), null, null);
        var page = matching.GetRange(0, size);
        var last = page[^1].Key;
        var next = new ContinueToken(revision, last.Namespace, last.Name).Encode();
        // Upstream counts what is left only when it can do so without filtering, i.e. without selectors.
        long? remaining = query.Labels is null && query.Fields.IsEverything ? matching.Count - size : null;
        return new ListPage(Copies(page), Text(revision), next, remaining);
    }

    /// <summary>Upstream's ListMeta: resourceVersion, and continue with remainingItemCount when more pages follow.</summary>
    public System.Text.Json.Nodes.JsonObject Metadata()
    {
        var metadata = new System.Text.Json.Nodes.JsonObject { ["resourceVersion"] = ResourceVersion };
        if (Continue is not null) metadata["continue"] = Continue;
        if (RemainingItemCount is { } remaining) metadata["remainingItemCount"] = remaining;
        return metadata;
    }

    /// <summary>
    /// The revision a list reads (storage.ListOptions' semantics): a continue token's; resourceVersion with
    /// resourceVersionMatch=Exact, or with a limit and no match (the legacy form of Exact); else the latest, which also
    /// satisfies resourceVersion=0 and NotOlderThan.
    /// </summary>
    private static long Revision(ListQuery query, long current)
    {
        Validate(query);
        var wanted = Parse(query.ResourceVersion);
        if (query.Continue is not null && wanted > 0)
            throw ApiException.BadRequest("specifying resource version is not allowed when using continue");
        var exact = query.ResourceVersionMatch == "Exact" || (query.ResourceVersionMatch is null && query.Limit is not null);
        var revision = query.Continue is { } token ? (token.Revision < 0 ? current : token.Revision) : exact && wanted > 0 ? wanted : current;
        var newest = Math.Max(wanted, revision);
        if (newest > current)
            throw new ApiException(new Status { Code = 504, Reason = "Timeout", Message = $"Too large resource version: {newest}, current: {current}" });
        return revision;
    }

    /// <summary>Upstream's ValidateListOptions: resourceVersionMatch needs a resourceVersion, no continue, and a known value.</summary>
    private static void Validate(ListQuery query)
    {
        if (query.ResourceVersionMatch is not { } match) return;
        var errors = new List<FieldError>();
        if (query.ResourceVersion is null)
            errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
        if (query.Continue is not null)
            errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
        if (match is not ("Exact" or "NotOlderThan"))
            errors.Add(FieldError.NotSupported("resourceVersionMatch", $"\"{match}\"", ["Exact", "NotOlderThan", ""]));
        if (match == "Exact" && query.ResourceVersion == "0")
            errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
        if (errors.Count > 0) throw RequestOptions.Invalid("ListOptions", errors);
    }

    /// <summary>A resourceVersion as a revision: absent and "0" are 0, anything but a number is a 400.</summary>
    private static long Parse(string? text)
    {
        if (text is null) return 0;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw ApiException.BadRequest($"invalid resource version \"{text}\": it must be a revision number");
    }

    /// <summary>
    /// etcd's answer for a compacted revision: a paged list gets a token that continues at the latest revision instead
    /// (upstream's handleCompactedErrorForPaging), so a client can still have the rest, knowingly inconsistent.
    /// </summary>
    private static ApiException Expired(ContinueToken? token)
    {
        var gone = ApiException.Gone(token is null ? TooOld : InconsistentContinue);
        if (token is not null) gone.Status.Metadata.Continue = (token with { Revision = -1 }).Encode();
        return gone;
    }

    /// <summary>Private copies of the stored objects, which are shared and read-only.</summary>
    private static List<KubeObject> Copies(IEnumerable<WriteRecord> records) =>
        [.. records.Select(r => KubeJson.Deserialize(r.Utf8Json.Span, r.Object.GetType()))];

    /// <summary>Store keys sort as etcd's "namespace/name" strings do.</summary>
    private static string EtcdKey(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    private static string Text(long revision) => revision.ToString(CultureInfo.InvariantCulture);
}
