namespace Playground.Core.Simulation;

/// <summary>The shape of a new sandbox's cluster; stored with the sandbox so a restore builds the same one.</summary>
public sealed record ClusterOptions
{
    public int Nodes { get; init; } = 3;
    public string NodeCpu { get; init; } = "2";
    public string NodeMemory { get; init; } = "4Gi";
    public int MaxPods { get; init; } = 110;
    public int Seed { get; init; } = 1;

    /// <summary>How many past writes a watch can start from before it gets 410 Gone.</summary>
    public int HistoryWindow { get; init; } = 5000;

    /// <summary>
    /// kube-controller-manager's --endpoint-updates-batch-period and --endpointslice-updates-batch-period: pod changes
    /// within this long of a service's last sync wait for one sync at its end. Zero, upstream's default, syncs per change.
    /// </summary>
    public TimeSpan EndpointUpdatesBatchPeriod { get; init; }

    /// <summary>Where the virtual clock starts; null means the real time of creation.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>What the sandbox may hold; none by default, the server sets them.</summary>
    public ApiServer.Admission.SandboxLimits? Limits { get; init; }
}

/// <summary>A persisted sandbox: its clock, revision, live objects (their latest writes) and the tail of its write log.</summary>
public sealed record ClusterState(
    DateTimeOffset Now,
    long Revision,
    IReadOnlyList<Storage.WriteRecord> Objects,
    ClusterOptions Options,
    IReadOnlyList<Storage.WriteRecord>? History = null);
