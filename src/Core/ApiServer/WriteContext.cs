namespace Playground.Core.ApiServer;

/// <summary>Who writes, and the revision of the write that made them write: causality recorded on every write.</summary>
public readonly record struct WriteContext(string Actor, long? Cause = null)
{
    /// <summary>Upstream's dryRun=All: every step of the write (defaulting, admission, validation, allocation) but storing it.</summary>
    public bool DryRun { get; init; }

    public static readonly WriteContext Kubectl = new("kubectl");
    public static readonly WriteContext ApiServer = new("kube-apiserver");
}
