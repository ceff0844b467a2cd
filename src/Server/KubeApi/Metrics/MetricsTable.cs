using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Metrics;
using Playground.Server.KubeApi.Tables;

namespace Playground.Server.KubeApi.Metrics;

/// <summary>
/// metrics-server's own table (pkg/api/table.go): NAME, one quantity column per resource (a pod's containers summed)
/// and WINDOW; with no items it has neither columns nor rows, as upstream's.
/// </summary>
public static class MetricsTable
{
    public static JsonObject Build(IReadOnlyList<KubeObject> items, TableRequest request)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var (usage, window) = item switch
            {
                NodeMetrics node => (node.Usage.ToDictionary(u => u.Key, u => Quantity.Parse(u.Value)), node.Window),
                PodMetrics pod => (Sum(pod), pod.Window),
                _ => throw new ArgumentException($"{item.Kind} is no metrics kind", nameof(items)),
            };
            JsonArray cells = [item.Metadata.Name, .. usage.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (JsonNode)Format(u.Key, u.Value)), window];
            rows.Add(new JsonObject { ["cells"] = cells, ["object"] = ServerTable.RowObject(item, request) });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = request.ApiVersion,
            ["metadata"] = new JsonObject(),
            ["columnDefinitions"] = items.Count == 0 ? null : new JsonArray(
                Column("Name", "name", "Name of the resource"), Column("cpu", "quantity"), Column("memory", "quantity"), Column("Window", "duration")),
            ["rows"] = items.Count == 0 ? null : rows,
        };
    }

    private static Dictionary<string, decimal> Sum(PodMetrics pod) =>
        pod.Containers.SelectMany(c => c.Usage).GroupBy(u => u.Key).ToDictionary(g => g.Key, g => g.Sum(u => Quantity.Parse(u.Value)));

    private static string Format(string resource, decimal value) => Quantity.Format(value, binary: resource == "memory");

    private static JsonObject Column(string name, string format, string description = "") =>
        new() { ["name"] = name, ["type"] = "string", ["format"] = format, ["description"] = description, ["priority"] = 0 };
}
