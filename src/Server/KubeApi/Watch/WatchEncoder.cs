using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Server.KubeApi.Lists;
using Playground.Server.KubeApi.Tables;

namespace Playground.Server.KubeApi.Watch;

/// <summary>
/// Turns one watch's writes into watch events (one JSON object a line), on the sandbox's loop where the objects live.
/// Like upstream's watch cache it filters by selectors on the object before and after a change: an object that starts
/// matching is ADDED and one that stops matching is DELETED.
/// </summary>
public sealed class WatchEncoder(ResourcePath path, ListQuery query, TableRequest? table)
{
    private readonly HashSet<ObjectKey> _visible = [];
    private bool _headersSent;

    /// <summary>Whether a write may concern this watch, judged from its key alone, without touching the object.</summary>
    public bool MayConcern(WriteRecord write) =>
        write.Key.Resource == path.Type.Plural
        && (path.Namespace is null || write.Key.Namespace == path.Namespace)
        && (query.Fields.Name is not { } name || write.Key.Name == name);

    /// <summary>
    /// Where the watch starts: without a resourceVersion (or with "0") the current objects as ADDED events and then
    /// what follows; from a revision, what follows it; before the history window, a 410 ERROR event and nothing more.
    /// </summary>
    public (byte[] Events, long? After) Start(SimulatedCluster cluster)
    {
        var store = cluster.Store;
        var current = cluster.Api.List(path.Type, path.Namespace, query.Labels).Where(query.Fields.Matches).ToList();
        foreach (var obj in current) _visible.Add(new ObjectKey(path.Type.Plural, obj.Metadata.Namespace, obj.Metadata.Name!));
        if (query.ResourceVersion is null or "0")
        {
            var events = new MemoryStream();
            foreach (var obj in current) Write(events, "ADDED", obj, cluster.Clock.Now, null);
            return (events.ToArray(), store.Revision);
        }
        var from = long.Parse(query.ResourceVersion, CultureInfo.InvariantCulture);
        if (from < store.CompactedRevision) return (TooOld(from, store.CompactedRevision + 1), null);
        return ([], from);
    }

    /// <summary>The events for writes that <see cref="MayConcern"/> this watch; empty when the selectors leave none.</summary>
    public byte[] Encode(SimulatedCluster cluster, IReadOnlyList<WriteRecord> writes)
    {
        var events = new MemoryStream();
        foreach (var write in writes)
        {
            var matches = query.Matches(write.Object);
            var was = _visible.Contains(write.Key);
            var type = (write.Type, matches, was) switch
            {
                (WriteType.Deleted, _, _) when matches || was => "DELETED",
                (WriteType.Added, true, _) => "ADDED",
                (WriteType.Modified, true, true) => "MODIFIED",
                (WriteType.Modified, true, false) => "ADDED",
                (WriteType.Modified, false, true) => "DELETED",
                _ => null,
            };
            if (write.Type != WriteType.Deleted && matches) _visible.Add(write.Key);
            else _visible.Remove(write.Key);
            if (type is not null) Write(events, type, write.Object, cluster.Clock.Now, write);
        }
        return events.ToArray();
    }

    /// <summary>A BOOKMARK: only the revision the watch has seen up to, so a client can resume from there.</summary>
    public byte[] Bookmark(long revision)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        JsonObject obj = table is null
            ? new() { ["kind"] = path.Type.Kind, ["apiVersion"] = path.Type.ApiVersion, ["metadata"] = metadata }
            : new() { ["kind"] = "Table", ["apiVersion"] = table.ApiVersion, ["metadata"] = metadata, ["columnDefinitions"] = null, ["rows"] = null };
        return Line("BOOKMARK", Encoding.UTF8.GetBytes(obj.ToJsonString()));
    }

    /// <summary>Upstream's answer to a watch from a compacted revision: an ERROR event carrying a 410 Expired Status.</summary>
    public static byte[] TooOld(long from, long oldest) =>
        Error(ApiException.Gone($"too old resource version: {from} ({oldest})").Status);

    public static byte[] Error(Status status) => Line("ERROR", Encoding.UTF8.GetBytes(KubeJson.SerializeValue(status)));

    private void Write(MemoryStream events, string type, KubeObject obj, DateTimeOffset now, WriteRecord? write)
    {
        byte[] json;
        // Another served version (autoscaling/v1) converts the stored object; the stored version sends the store's own bytes.
        if (table is null) json = write is null || path.Type.Conversion is not null ? KubeJson.SerializeToUtf8(path.Type.Served(obj)) : write.Utf8Json.ToArray();
        else
        {
            var metadata = new JsonObject { ["resourceVersion"] = obj.Metadata.ResourceVersion };
            // Upstream sends the column definitions with the first event only; later tables are rows without headers.
            json = Encoding.UTF8.GetBytes(ServerTable.Build(path.Type.Kind, [obj], now, table, metadata, withHeaders: !_headersSent).ToJsonString());
            _headersSent = true;
        }
        events.Write(Line(type, json));
    }

    private static byte[] Line(string type, byte[] obj)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        return [.. head, .. obj, (byte)'}', (byte)'\n'];
    }
}
