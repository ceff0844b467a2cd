using System.Text;

namespace Playground.Core.Kubectl.Printers;

/// <summary>
/// Elastic tabstops as Go's text/tabwriter lays them out, which is what makes kubectl's columns: a cell ends with a
/// tab, the text after a line's last tab is not part of any column, and a column is sized over the run of
/// consecutive lines that have a cell in it (so a line without tabs starts new blocks). Flush ends a layout.
/// </summary>
public sealed class TabWriter(int minWidth, int padding)
{
    /// <summary>The layout of kubectl get's tables (cli-runtime's GetNewTabWriter).</summary>
    public static TabWriter ForTables() => new(6, 3);

    /// <summary>The layout of kubectl describe and rollout history (tabbedString).</summary>
    public static TabWriter ForDescribe() => new(0, 2);

    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _output = new();

    public TabWriter Write(string text)
    {
        _pending.Append(text);
        return this;
    }

    public void Flush()
    {
        if (_pending.Length == 0) return;
        var lines = _pending.ToString().Split('\n').Select(l => l.Split('\t')).ToList();
        _pending.Clear();
        Format(lines, 0, lines.Count, []);
    }

    public override string ToString()
    {
        Flush();
        return _output.ToString();
    }

    private void Format(List<string[]> lines, int line0, int line1, List<int> widths)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1) continue;
            WriteLines(lines, line0, current, widths);
            line0 = current;
            var width = minWidth;
            for (; current < line1 && column < lines[current].Length - 1; current++)
                width = Math.Max(width, Width(lines[current][column]) + padding);
            widths.Add(width);
            Format(lines, line0, current, widths);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
        }
        WriteLines(lines, line0, line1, widths);
    }

    private void WriteLines(List<string[]> lines, int line0, int line1, List<int> widths)
    {
        for (var i = line0; i < line1; i++)
        {
            var cells = lines[i];
            for (var j = 0; j < cells.Length; j++)
            {
                _output.Append(cells[j]);
                if (j < widths.Count) _output.Append(' ', widths[j] - Width(cells[j]));
            }
            if (i + 1 < lines.Count) _output.Append('\n');
        }
    }

    /// <summary>Go counts runes, not UTF-16 units.</summary>
    private static int Width(string cell) => cell.EnumerateRunes().Count();
}
