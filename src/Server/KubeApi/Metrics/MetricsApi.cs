using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Metrics;
using Playground.Core.ApiServer;
using Playground.Core.Metrics;
using Playground.Core.Simulation;
using Playground.Server.KubeApi.Lists;
using Playground.Server.KubeApi.Tables;
using Playground.Server.KubeApi.Watch;

namespace Playground.Server.KubeApi.Metrics;

/// <summary>
/// metrics.k8s.io/v1beta1 as metrics-server serves it behind the aggregation layer: NodeMetrics and PodMetrics, get and
/// list only (with label and metadata field selectors), worked out on the sandbox's loop from the simulated
/// metrics-server that the terminal's kubectl top reads, so both print the same.
/// </summary>
public static class MetricsApi
{
    public const string Group = "metrics.k8s.io";

    public static bool Serves(ResourceType type) => type.Group == Group;

    public static async Task<IResult> ServeAsync(HttpContext context, ResourcePath path)
    {
        var request = context.Request;
        if (path.Subresource is not null) return KubeResponse.NotFound().ToResult();
        if (!HttpMethods.IsGet(request.Method))
            return KubeResponse.Failure(ApiException.MethodNotAllowed()).ToResult();
        // metrics-server's storage is no Watcher, so the API server refuses the watch as it refuses any unsupported verb.
        if (path.Name is null && WatchStream.Requested(request))
            return KubeResponse.Failure(405, "MethodNotAllowed", $"watch is not supported on resources of kind \"{path.Type.QualifiedPlural}\"").ToResult();
        ListQuery query;
        TableRequest? table;
        try
        {
            query = ListQuery.Parse(request.Query, path.Type);
            table = TableRequest.Parse(request.Headers.Accept, request.Query);
        }
        catch (ApiException e)
        {
            return KubeResponse.Failure(e).ToResult();
        }
        var response = await KubeApiAccess.Sandbox(context).RunAsync(cluster => Handle(cluster, path, query, table));
        return response.ToResult();
    }

    private static KubeResponse Handle(SimulatedCluster cluster, ResourcePath path, ListQuery query, TableRequest? table)
    {
        try
        {
            var items = path.Type.ClrType == typeof(NodeMetrics) ? Nodes(cluster, path, query) : Pods(cluster, path, query);
            if (table is not null) return KubeResponse.Of(200, MetricsTable.Build(items, table));
            return path.Name is null
                ? KubeResponse.Of(200, ResourceHandlers.ListOf(cluster.Api, path.Type, items, new JsonObject()))
                : KubeResponse.Of(200, items[0]);
        }
        catch (ApiException e)
        {
            return KubeResponse.Failure(e);
        }
    }

    /// <summary>Every node's metrics in name order, or the one named; a node metrics-server cannot find is its lister's NotFound.</summary>
    private static IReadOnlyList<KubeObject> Nodes(SimulatedCluster cluster, ResourcePath path, ListQuery query)
    {
        var now = cluster.Clock.Now;
        var usage = MetricsServer.Nodes(cluster.Api).Where(u => path.Name is null ? query.Matches(u.Node) : u.Node.Metadata.Name == path.Name);
        var items = usage.OrderBy(u => u.Node.Metadata.Name, StringComparer.Ordinal).Select(u => (KubeObject)MetricsObjects.Of(u, now)).ToList();
        if (path.Name is { } name && items.Count == 0) throw MetricsObjects.NodeNotFound(cluster.Resources, name);
        return items;
    }

    /// <summary>Running pods' metrics in namespace and name order, or the named pod's (NotFound when it has none, as metrics-server answers).</summary>
    private static IReadOnlyList<KubeObject> Pods(SimulatedCluster cluster, ResourcePath path, ListQuery query)
    {
        var now = cluster.Clock.Now;
        if (path.Name is { } name)
        {
            var pod = cluster.Api.TryGet<Pod>(path.Namespace, name) ?? throw MetricsObjects.PodNotFound(cluster.Resources, name);
            var usage = MetricsServer.Pods(cluster.Api, path.Namespace).FirstOrDefault(u => u.Pod.Metadata.Uid == pod.Metadata.Uid)
                ?? throw MetricsObjects.NoPodMetrics(cluster.Resources, path.Namespace!, name);
            return [MetricsObjects.Of(usage, now)];
        }
        return MetricsServer.Pods(cluster.Api, path.Namespace).Where(u => query.Matches(u.Pod))
            .OrderBy(u => u.Pod.Metadata.Namespace, StringComparer.Ordinal).ThenBy(u => u.Pod.Metadata.Name, StringComparer.Ordinal)
            .Select(u => (KubeObject)MetricsObjects.Of(u, now)).ToList();
    }
}
