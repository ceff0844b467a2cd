namespace Playground.Core.Scheduling.Framework;

/// <summary>A Score extension point plugin: how much it likes each feasible node, from 0 to <see cref="MaxNodeScore"/>.</summary>
public interface IScorePlugin
{
    const long MaxNodeScore = 100;

    string Name { get; }

    /// <summary>The plugin's weight in the default profile; the node's total is the sum of weight × normalized score.</summary>
    int Weight { get; }

    /// <summary>PreScore: false when the plugin has nothing to say about this pod (upstream's Skip), so it is not run at all.</summary>
    bool Applies(PodInfo pod) => true;

    long Score(PodInfo pod, NodeInfo node);

    /// <summary>NormalizeScore: rescales the raw scores of all feasible nodes in place.</summary>
    void Normalize(long[] scores) { }
}
