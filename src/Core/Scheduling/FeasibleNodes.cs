namespace Playground.Core.Scheduling;

/// <summary>
/// Upstream's numFeasibleNodesToFind with percentageOfNodesToScore unset: a small cluster is searched whole; a big one
/// only until 50% − 1% per 125 nodes (at least 5%, at least 100 nodes) are found feasible, which is what keeps
/// kube-scheduler fast on thousands of nodes.
/// </summary>
public static class FeasibleNodes
{
    private const int MinFeasibleNodesToFind = 100;
    private const int MinFeasibleNodesPercentageToFind = 5;
    private const int BasePercentageOfNodesToScore = 50;

    public static int ToFind(int allNodes)
    {
        if (allNodes < MinFeasibleNodesToFind) return allNodes;
        var percentage = Math.Max(BasePercentageOfNodesToScore - allNodes / 125, MinFeasibleNodesPercentageToFind);
        return Math.Max(allNodes * percentage / 100, MinFeasibleNodesToFind);
    }
}
