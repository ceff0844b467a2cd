using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling;

/// <summary>The FailedScheduling message, worded as kube-scheduler's FitError.Error() builds it.</summary>
public static class FitError
{
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>A PreFilter rejection holds for every node, and preemption cannot help it.</summary>
    public static string PreFilterMessage(int allNodes, string reason) =>
        $"0/{allNodes} nodes are available: {reason}. preemption: 0/{allNodes} nodes are available: {allNodes} Preemption is not helpful for scheduling.";

    /// <summary>
    /// "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu." — one count per distinct reason,
    /// sorted as strings (as Go's sort.Strings does), then the PostFilter (preemption) message, each ending with ".".
    /// </summary>
    public static string Message(int allNodes, IEnumerable<FilterResult> statuses, string? postFilterMessage = null)
    {
        var histogram = statuses
            .SelectMany(s => s.Reasons)
            .GroupBy(r => r)
            .Select(g => $"{g.Count()} {g.Key}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var message = $"0/{allNodes} nodes are available:";
        if (histogram.Count > 0) message += $" {string.Join(", ", histogram)}.";
        if (!string.IsNullOrEmpty(postFilterMessage)) message += $" {postFilterMessage}.";
        return message;
    }
}
