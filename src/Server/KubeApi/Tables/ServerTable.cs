using System.Globalization;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl.Printers.Tables;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Tables;

/// <summary>
/// A meta.k8s.io Table of one kind, built from the terminal's own kind tables (Core's KindTables), so that
/// real kubectl and the in-browser engine print the same columns and cells.
/// </summary>
public static class ServerTable
{
    /// <param name="withHeaders">False for every watch event after the first, whose table carries no columnDefinitions, as upstream's.</param>
    public static JsonObject Build(string kind, IEnumerable<KubeObject> objects, DateTimeOffset now, TableRequest request, JsonObject metadata, bool withHeaders = true)
    {
        var table = KindTables.For(kind);
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = table.Cells(obj, now);
            rows.Add(new JsonObject
            {
                ["cells"] = new JsonArray([.. cells.Select((cell, i) => Cell(kind, table.Columns[i].Name, cell))]),
                ["object"] = RowObject(obj, request),
            });
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = request.ApiVersion,
            ["metadata"] = metadata,
            ["columnDefinitions"] = withHeaders ? ColumnDefinitions.For(kind, table.Columns) : null,
            ["rows"] = rows,
        };
    }

    /// <summary>Counts go out as JSON numbers where upstream's column is an integer; kubectl prints either the same way.</summary>
    private static JsonNode Cell(string kind, string column, string cell) =>
        ColumnDefinitions.IsInteger(kind, column) && long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(cell);

    /// <summary>By default a row carries the object's metadata only (a PartialObjectMetadata), enough for -A, --show-labels and -L.</summary>
    internal static JsonNode? RowObject(KubeObject obj, TableRequest request)
    {
        if (request.Include == IncludeObject.None) return null;
        var node = KubeJson.ToNode(obj);
        if (request.Include == IncludeObject.Object) return node;
        return new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = node["metadata"]?.DeepClone(),
        };
    }
}
