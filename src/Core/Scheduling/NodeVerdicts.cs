using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling;

/// <summary>
/// What one cycle found on every node it evaluated, kept compact while the scheduler works and turned into
/// <see cref="NodeEvaluation"/>s, in node name order, only when the UI or kubectl describe reads them.
/// </summary>
public sealed class NodeVerdicts
{
    public static readonly NodeVerdicts None = new(0);

    private readonly List<string> _nodes;
    private List<(int Node, string Plugin, FilterResult Result)>? _rejections;
    private IReadOnlyList<NodeEvaluation>? _evaluations;

    /// <param name="expected">How many nodes the cycle is likely to evaluate, so the list need not grow.</param>
    public NodeVerdicts(int expected) => _nodes = new List<string>(expected);

    /// <summary>How many nodes were evaluated.</summary>
    public int Count => _nodes.Count;

    public ScoreTable? Scores { get; internal set; }

    public IReadOnlyList<NodeEvaluation> Evaluations => _evaluations ??= Evaluate();

    internal void Passed(NodeInfo node) => _nodes.Add(node.Name);

    internal void Rejected(NodeInfo node, string plugin, FilterResult result)
    {
        (_rejections ??= []).Add((_nodes.Count, plugin, result));
        _nodes.Add(node.Name);
    }

    /// <summary>The rejected nodes' filter results by node name, as preemption and the failure message read them.</summary>
    internal Dictionary<string, FilterResult> Statuses() =>
        (_rejections ?? []).ToDictionary(r => _nodes[r.Node], r => r.Result);

    /// <summary>Nodes that passed every filter were scored in the order they passed, so the nth of them is the table's nth column entry.</summary>
    private List<NodeEvaluation> Evaluate()
    {
        var rejections = (_rejections ?? []).ToDictionary(r => r.Node);
        var evaluations = new List<NodeEvaluation>(_nodes.Count);
        var scored = 0;
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (rejections.TryGetValue(i, out var r)) evaluations.Add(new NodeEvaluation(_nodes[i], r.Plugin, r.Result.Reasons, null));
            else evaluations.Add(new NodeEvaluation(_nodes[i], null, [], Scores?.For(_nodes[i], scored++)));
        }
        evaluations.Sort((a, b) => string.CompareOrdinal(a.Node, b.Node));
        return evaluations;
    }
}
