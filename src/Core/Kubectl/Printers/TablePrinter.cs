using System.Text;

namespace Playground.Core.Kubectl.Printers;

/// <summary>How kubectl decorates a server table: wide columns, a NAMESPACE column for -A, kind-qualified names, -L label columns, LABELS.</summary>
public sealed record TableOptions(bool Wide = false, bool WithNamespace = false, string? KindPrefix = null, bool ShowLabels = false, bool NoHeaders = false,
    IReadOnlyList<string>? LabelColumns = null);

/// <summary>Prints a table as kubectl get does (cli-runtime's HumanReadablePrinter): upper-case headers, tab-aligned cells.</summary>
public static class TablePrinter
{
    /// <summary>The table's text, every line ending in a newline; nothing at all for a table without rows, as kubectl prints no lone header.</summary>
    public static string Print(Table table, TableOptions options)
    {
        if (table.Rows.Count == 0) return "";
        var visible = Enumerable.Range(0, table.Columns.Count)
            .Where(i => options.Wide || table.Columns[i].Priority == 0)
            .ToList();
        var labelColumns = options.LabelColumns ?? [];
        var nameColumn = options.KindPrefix is null ? -1 : table.Columns.ToList().FindIndex(c => c.Name == "Name");

        var text = new StringBuilder();
        if (!options.NoHeaders)
        {
            var headers = visible.Select(i => table.Columns[i].Name.ToUpperInvariant());
            if (options.WithNamespace) headers = headers.Prepend("NAMESPACE");
            // A label column is headed by the label's name without its prefix, as kubectl's formatLabelHeaders does.
            headers = headers.Concat(labelColumns.Select(l => l[(l.LastIndexOf('/') + 1)..].ToUpperInvariant()));
            if (options.ShowLabels) headers = headers.Append("LABELS");
            text.Append(string.Join('\t', headers)).Append('\n');
        }
        foreach (var row in table.Rows)
        {
            var cells = visible.Select(i => i == nameColumn ? $"{options.KindPrefix}/{row.Cells[i]}" : row.Cells[i]);
            if (options.WithNamespace) cells = cells.Prepend(row.Object.Metadata.Namespace ?? "");
            cells = cells.Concat(labelColumns.Select(l => row.Object.Metadata.Labels?.GetValueOrDefault(l) ?? ""));
            if (options.ShowLabels) cells = cells.Append(LabelFormat.Labels(row.Object.Metadata.Labels));
            text.Append(string.Join('\t', cells.Select(Clean))).Append('\n');
        }
        return TabWriter.ForTables().Write(text.ToString()).ToString();
    }

    /// <summary>A cell ends at its first line break, marked with "...", as kubectl cuts multi-line cells.</summary>
    private static string Clean(string cell)
    {
        var cut = cell.IndexOfAny(['\n', '\r', '\f']);
        return cut < 0 ? cell : cell[..cut] + "...";
    }
}
