namespace Playground.Core.Scheduling.Framework;

/// <summary>
/// One cycle's scores in columns, plugin by plugin over the feasible nodes: scoring hundreds of nodes costs an array
/// per plugin, not an object per node and plugin. Only raw scores are kept; normalizing is a pure function of a
/// column, so the per-node view works it out again when someone reads it.
/// </summary>
public sealed class ScoreTable(int nodes)
{
    private readonly List<(IScorePlugin Plugin, long[] Raw)> _columns = [];
    private long[][]? _normalized;

    /// <summary>Each feasible node's weighted sum over the plugins, in the order the nodes were scored.</summary>
    public long[] Totals { get; } = new long[nodes];

    /// <summary>Adds a plugin's raw column; <paramref name="scratch"/> is where it is normalized, reused from plugin to plugin.</summary>
    internal void Add(IScorePlugin plugin, long[] raw, long[] scratch)
    {
        raw.CopyTo(scratch, 0);
        plugin.Normalize(scratch);
        for (var i = 0; i < raw.Length; i++) Totals[i] += scratch[i] * plugin.Weight;
        _columns.Add((plugin, raw));
    }

    /// <summary>The scores of the <paramref name="node"/>th scored node, plugin by plugin.</summary>
    public NodeScore For(string name, int node)
    {
        _normalized ??= [.. _columns.Select(c =>
        {
            var normalized = (long[])c.Raw.Clone();
            c.Plugin.Normalize(normalized);
            return normalized;
        })];
        return new NodeScore(name, _columns.Select((c, i) => new PluginScore(c.Plugin.Name, c.Raw[node], _normalized[i][node], c.Plugin.Weight)).ToList());
    }
}
