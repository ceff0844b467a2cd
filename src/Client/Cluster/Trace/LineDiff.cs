namespace Playground.Client.Cluster.Trace;

public enum DiffKind { Same, Added, Removed, Skipped }

/// <summary>One line of a diff; a <see cref="DiffKind.Skipped"/> line stands for <see cref="Count"/> unchanged lines left out.</summary>
public readonly record struct DiffLine(DiffKind Kind, string Text, int Count = 1);

/// <summary>A line diff of two texts (longest common subsequence), shown as changed lines with a little context around them.</summary>
public static class LineDiff
{
    /// <summary>Above this many cells the middle is shown as all removed, then all added, instead of being aligned.</summary>
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string before, string after, int context = 3) =>
        WithContext(Align(Lines(before), Lines(after)), context);

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static List<DiffLine> Align(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var result = a.Take(prefix).Select(l => new DiffLine(DiffKind.Same, l)).ToList();
        var (n, m) = (a.Length - prefix - suffix, b.Length - prefix - suffix);
        if ((long)n * m > MaxCells)
        {
            result.AddRange(a.Skip(prefix).Take(n).Select(l => new DiffLine(DiffKind.Removed, l)));
            result.AddRange(b.Skip(prefix).Take(m).Select(l => new DiffLine(DiffKind.Added, l)));
        }
        else
        {
            // lcs[i, j]: the longest common subsequence of the middles' tails from i and j.
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y])
                {
                    result.Add(new DiffLine(DiffKind.Same, a[prefix + x]));
                    x++;
                    y++;
                }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
                    result.Add(new DiffLine(DiffKind.Removed, a[prefix + x++]));
                else
                    result.Add(new DiffLine(DiffKind.Added, b[prefix + y++]));
            }
        }
        result.AddRange(a.Skip(a.Length - suffix).Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    private static List<DiffLine> WithContext(List<DiffLine> lines, int context)
    {
        var near = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffKind.Same) continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(lines.Count - 1, i + context); k++) near[k] = true;
        }
        var shown = new List<DiffLine>();
        for (var i = 0; i < lines.Count;)
        {
            if (near[i])
            {
                shown.Add(lines[i++]);
                continue;
            }
            var start = i;
            while (i < lines.Count && !near[i]) i++;
            shown.Add(new DiffLine(DiffKind.Skipped, "", i - start));
        }
        return shown;
    }
}
