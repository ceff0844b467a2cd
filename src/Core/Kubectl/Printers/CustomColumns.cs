using System.Text;
using System.Text.Json.Nodes;

namespace Playground.Core.Kubectl.Printers;

/// <summary>-o custom-columns=HEADER:.path,...: one row per object, each cell what its path finds (comma-joined), "&lt;none&gt;" when nothing.</summary>
public static class CustomColumns
{
    public static string Print(string spec, IReadOnlyList<JsonNode> objects, bool noHeaders)
    {
        if (spec.Trim().Length == 0) throw KubectlException.Error("custom-columns format specified but no custom columns given");
        var columns = spec.Split(',').Select(column =>
        {
            var colon = column.IndexOf(':');
            if (colon < 0) throw KubectlException.Error($"unexpected custom-columns spec: {column}, expected <header>:<json-path-expr>");
            return (Header: column[..colon], Path: Path(column[(colon + 1)..]));
        }).ToList();

        var text = new StringBuilder();
        if (!noHeaders) text.Append(string.Join('\t', columns.Select(c => c.Header))).Append('\n');
        foreach (var obj in objects)
        {
            var cells = columns.Select(c =>
            {
                var values = JsonPath.Find(c.Path, obj).Where(v => v is not null).Select(JsonPath.Format).ToList();
                return values.Count == 0 ? "<none>" : string.Join(',', values);
            });
            text.Append(string.Join('\t', cells)).Append('\n');
        }
        return TabWriter.ForTables().Write(text.ToString()).ToString();
    }

    /// <summary>kubectl accepts "{.a.b}", ".a.b" and "a.b" for the same path.</summary>
    private static string Path(string expression) => JsonPath.Relaxed(expression.Trim())[1..^1];
}
