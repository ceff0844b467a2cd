namespace Playground.Core.ApiServer.Admission;

/// <summary>
/// How much one sandbox may hold, so that one tenant cannot take the server's memory from the others; null means
/// unlimited. Refusals read like a ResourceQuota's ("exceeded quota: sandbox-limits, …").
/// </summary>
public sealed record SandboxLimits
{
    /// <summary>Stored objects of every kind but Events, which come and go with the control plane's work.</summary>
    public int? Objects { get; init; }

    public int? Pods { get; init; }

    public int? Nodes { get; init; }

    /// <summary>The most a workload (Deployment, ReplicaSet, StatefulSet, Job parallelism, HPA maxReplicas) may ask for.</summary>
    public int? Replicas { get; init; }
}
