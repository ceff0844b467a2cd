using Playground.Core.Scheduling.Plugins;

namespace Playground.Core.Scheduling.Framework;

/// <summary>One plugin's part in a node's score: raw, normalized, and its weight.</summary>
public sealed record PluginScore(string Plugin, long Raw, long Normalized, int Weight)
{
    public long Weighted => Normalized * Weight;
}

/// <summary>A feasible node's scores, plugin by plugin, and their weighted sum.</summary>
public sealed record NodeScore(string Node, IReadOnlyList<PluginScore> Plugins)
{
    /// <summary>Summed once: selecting the host reads it for every feasible node.</summary>
    public long Total { get; } = Plugins.Sum(p => p.Weighted);
}

/// <summary>Runs a registry's plugins at the Filter and Score extension points, as the framework runtime does.</summary>
public sealed class Profile(PluginRegistry registry)
{
    /// <summary>PreFilter: lets the plugins that need the whole snapshot work out their state for this cycle.</summary>
    public void RunPreFilters(PodInfo pod, Snapshot snapshot)
    {
        foreach (var plugin in registry.PreFilters) plugin.PreFilter(pod, snapshot);
        pod.Filters = [.. registry.Filters.Where(f => !f.SkipsFilter(pod))];
        (pod.NodeNames, pod.PreFilterRejection) = (null, null);
        foreach (var plugin in registry.NodeNamesPreFilters)
        {
            if (plugin.NodeNames(pod) is not { } names) continue;
            if (names.Count == 0)
            {
                pod.PreFilterRejection = plugin.ConflictReason;
                return;
            }
            pod.NodeNames = pod.NodeNames is var (known, plugins)
                ? (known.Intersect(names, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), [.. plugins, plugin.Name])
                : (names, [plugin.Name]);
            // Upstream's RunPreFilterPlugins: plugins whose node sets do not meet leave nothing to filter.
            if (pod.NodeNames.Value.Names.Count == 0)
                pod.PreFilterRejection = $"node(s) didn't satisfy plugin(s) [{string.Join(" ", pod.NodeNames.Value.Plugins)}] simultaneously";
        }
    }

    /// <summary>Runs filters in order and stops at the first rejection, returning the plugin that rejected the node.</summary>
    public (string? Plugin, FilterResult Result) RunFilters(PodInfo pod, NodeInfo node)
    {
        foreach (var filter in pod.Filters ?? registry.Filters)
        {
            var result = filter.Filter(pod, node);
            if (!result.IsSuccess) return (filter.Name, result);
        }
        return (null, FilterResult.Success);
    }

    /// <summary>Scores every feasible node with every plugin that applies to the pod, then normalizes and weighs.</summary>
    public ScoreTable RunScores(PodInfo pod, IReadOnlyList<NodeInfo> feasible, Snapshot snapshot)
    {
        var table = new ScoreTable(feasible.Count);
        var normalized = new long[feasible.Count];
        foreach (var plugin in registry.Scores)
        {
            if (!plugin.Applies(pod)) continue;
            if (plugin is IPreScorePlugin preScore && !preScore.PreScore(pod, snapshot, feasible)) continue;
            var raw = new long[feasible.Count];
            for (var i = 0; i < raw.Length; i++) raw[i] = plugin.Score(pod, feasible[i]);
            table.Add(plugin, raw, normalized);
        }
        return table;
    }
}
