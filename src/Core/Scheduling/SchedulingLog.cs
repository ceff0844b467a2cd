using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling;

/// <summary>How one node fared in one attempt: the filter that rejected it and why, or its scores.</summary>
public sealed record NodeEvaluation(string Node, string? RejectedBy, IReadOnlyList<string> Reasons, NodeScore? Score)
{
    public bool Feasible => RejectedBy is null;
}

/// <summary>One scheduling attempt of one pod: every node's verdict, the node chosen, or the failure message.</summary>
public sealed record SchedulingAttempt(
    DateTimeOffset Time,
    string Pod,
    string Uid,
    NodeVerdicts Verdicts,
    string? SelectedNode,
    string? Message)
{
    /// <summary>Every evaluated node in name order.</summary>
    public IReadOnlyList<NodeEvaluation> Nodes => Verdicts.Evaluations;
}

/// <summary>
/// The scheduler's memory of its recent decisions, by pod uid, for the UI and kubectl describe; bounded so a busy
/// sandbox does not grow it forever (oldest pods are forgotten first).
/// </summary>
public sealed class SchedulingLog(int maxPods = 500, int maxAttemptsPerPod = 10)
{
    private readonly Dictionary<string, LinkedListNode<(string Uid, List<SchedulingAttempt> Attempts)>> _byUid = [];
    private readonly LinkedList<(string Uid, List<SchedulingAttempt> Attempts)> _order = new();

    public int Count => _byUid.Count;

    /// <summary>The pod's recorded attempts, oldest first.</summary>
    public IReadOnlyList<SchedulingAttempt> For(string uid) =>
        _byUid.TryGetValue(uid, out var node) ? node.Value.Attempts.ToList() : [];

    public SchedulingAttempt? Last(string uid) => _byUid.TryGetValue(uid, out var node) ? node.Value.Attempts[^1] : null;

    internal void Add(SchedulingAttempt attempt)
    {
        if (_byUid.TryGetValue(attempt.Uid, out var node)) _order.Remove(node);
        else
        {
            node = new LinkedListNode<(string, List<SchedulingAttempt>)>((attempt.Uid, []));
            _byUid[attempt.Uid] = node;
        }
        _order.AddLast(node);
        var attempts = node.Value.Attempts;
        attempts.Add(attempt);
        if (attempts.Count > maxAttemptsPerPod) attempts.RemoveAt(0);
        while (_byUid.Count > maxPods)
        {
            _byUid.Remove(_order.First!.Value.Uid);
            _order.RemoveFirst();
        }
    }
}
