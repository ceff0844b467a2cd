using Playground.Core.Scheduling;

namespace Playground.Client.Services;

/// <summary>One scheduling attempt of a pod as the workspace shows it: when, the node chosen or why none was, every node's verdict.</summary>
public sealed record SchedulingAttemptRecord(DateTimeOffset Time, string? SelectedNode, string? Message, IReadOnlyList<NodeVerdictRecord> Nodes)
{
    /// <summary>Copies an attempt out of the scheduler's log; run it on the sandbox's loop, where the log lives.</summary>
    public static SchedulingAttemptRecord From(SchedulingAttempt attempt) => new(
        attempt.Time,
        attempt.SelectedNode,
        attempt.Message,
        attempt.Nodes.Select(n => new NodeVerdictRecord(
            n.Node,
            n.Feasible,
            n.RejectedBy,
            n.Reasons.ToList(),
            n.Score?.Plugins.Select(p => new PluginScoreRecord(p.Plugin, p.Normalized, p.Weight, p.Weighted)).ToList() ?? [],
            n.Score?.Total)).ToList());
}

/// <summary>How one node fared: the filter plugin that rejected it and its reasons, or its score per plugin and in total.</summary>
public sealed record NodeVerdictRecord(string Node, bool Passed, string? RejectedBy, IReadOnlyList<string> Reasons, IReadOnlyList<PluginScoreRecord> Scores, long? Total);

/// <summary>A score plugin's normalized score (0–100), its weight and their product, which the total sums.</summary>
public sealed record PluginScoreRecord(string Plugin, long Score, int Weight, long Weighted);
