using System.Globalization;
using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.Jobs;

/// <summary>Indexed completion mode: each pod carries its index, and status.completedIndexes lists the finished ones as "0-2,5".</summary>
internal static class CompletionIndexes
{
    public const string Key = "batch.kubernetes.io/job-completion-index";

    public static int? Of(Pod pod) =>
        pod.Metadata.Annotations?.GetValueOrDefault(Key) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    public static SortedSet<int> Parse(string? text)
    {
        var set = new SortedSet<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            for (var i = first; i <= last; i++) set.Add(i);
        }
        return set;
    }

    public static string? Format(SortedSet<int> indexes)
    {
        var parts = new List<string>();
        int? start = null, previous = null;
        foreach (var i in indexes.Append(int.MinValue))
        {
            if (previous is { } p && i == p + 1)
            {
                previous = i;
                continue;
            }
            if (start is { } s) parts.Add(s == previous ? $"{s}" : $"{s}-{previous}");
            (start, previous) = (i, i);
        }
        return parts.Count == 0 ? null : string.Join(',', parts);
    }

    /// <summary>The lowest indexes neither completed nor running, as many as asked.</summary>
    public static IEnumerable<int> Pending(IEnumerable<Pod> active, SortedSet<int> completed, int completions, int count)
    {
        var running = active.Select(Of).OfType<int>().ToHashSet();
        return Enumerable.Range(0, completions).Where(i => !completed.Contains(i) && !running.Contains(i)).Take(count);
    }
}
