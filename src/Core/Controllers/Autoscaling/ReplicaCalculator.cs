using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Metrics;

namespace Playground.Core.Controllers.Autoscaling;

/// <summary>What the calculator decided: replicas, the utilization it saw (percent of request) and the average usage in millicores.</summary>
internal sealed record ReplicaRecommendation(int Replicas, int Utilization, long AverageMilliValue);

/// <summary>
/// Upstream's ReplicaCalculator.GetResourceReplicas: desired = ceil(ready pods × usage ratio), no change within the
/// 10% tolerance; pods not yet ready count as using nothing when scaling up, and pods without metrics count as using
/// their full request when scaling down (or nothing when scaling up), so a guess never flips the direction.
/// </summary>
internal static class ReplicaCalculator
{
    public const double Tolerance = 0.1;

    public static ReplicaRecommendation Calculate(int currentReplicas, int targetUtilization, string resource,
        IReadOnlyList<Pod> pods, IReadOnlyDictionary<string, PodUsage> metrics)
    {
        if (pods.Count == 0) throw new MetricsException("no pods returned by selector while calculating replica count");
        var ready = new List<Pod>();
        var unready = new List<Pod>();
        var missing = new List<Pod>();
        foreach (var pod in pods)
        {
            if (pod.Metadata.DeletionTimestamp is not null || pod.Status?.Phase == "Failed") continue;
            if (!metrics.ContainsKey(pod.Metadata.Uid!)) missing.Add(pod);
            else if (resource == "cpu" && (pod.Status?.Phase == "Pending" || !PodReadiness.IsReady(pod))) unready.Add(pod);
            else ready.Add(pod);
        }
        var requests = pods.ToDictionary(p => p.Metadata.Uid!, p => Request(p, resource));
        if (ready.Count == 0) throw new MetricsException("did not receive metrics for targeted pods (pods might be unready)");

        long Usage(Pod p) => resource == "cpu" ? metrics[p.Metadata.Uid!].MilliCpu : metrics[p.Metadata.Uid!].MemoryBytes;
        var usage = ready.Sum(Usage);
        var requested = ready.Sum(p => requests[p.Metadata.Uid!]);
        var utilization = (int)(usage * 100 / requested);
        var ratio = (double)usage * 100 / requested / targetUtilization;
        var average = usage / ready.Count;

        var scaleUpWithUnready = unready.Count > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing.Count == 0)
        {
            if (Math.Abs(1.0 - ratio) <= Tolerance) return new(currentReplicas, utilization, average);
            return new((int)Math.Ceiling(ratio * ready.Count), utilization, average);
        }

        // Fill in the pods without a usable measurement with the most conservative guess for the direction.
        var adjustedUsage = usage;
        var adjustedRequested = requested;
        foreach (var pod in missing)
        {
            adjustedRequested += requests[pod.Metadata.Uid!];
            if (ratio < 1.0) adjustedUsage += requests[pod.Metadata.Uid!];
        }
        if (scaleUpWithUnready)
            foreach (var pod in unready) adjustedRequested += requests[pod.Metadata.Uid!];
        var newRatio = (double)adjustedUsage * 100 / adjustedRequested / targetUtilization;
        if (Math.Abs(1.0 - newRatio) <= Tolerance || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0))
            return new(currentReplicas, utilization, average);
        var counted = ready.Count + missing.Count + (scaleUpWithUnready ? unready.Count : 0);
        var replicas = (int)Math.Ceiling(newRatio * counted);
        if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas))
            return new(currentReplicas, utilization, average);
        return new(replicas, utilization, average);
    }

    /// <summary>The pod's summed container requests; a container without one makes utilization meaningless, as upstream says.</summary>
    private static long Request(Pod pod, string resource)
    {
        long total = 0;
        foreach (var container in pod.Spec.Containers)
        {
            if (container.Resources?.Requests?.GetValueOrDefault(resource) is not { } request)
                throw new MetricsException($"missing request for {resource} in container {container.Name} of Pod {pod.Metadata.Name}");
            total += resource == "cpu" ? Quantity.MilliCpu(request) : Quantity.Bytes(request);
        }
        return total;
    }
}

/// <summary>Metrics could not give a replica count; the message is upstream's.</summary>
internal sealed class MetricsException(string message) : Exception(message);
