namespace Playground.Core.ApiServer;

/// <summary>Who writes, and the revision of the write that made them write: causality recorded on every write.</summary>
public readonly record struct WriteContext(string Actor, long? Cause = null)
{
    public static readonly WriteContext Kubectl = new("kubectl");
    public static readonly WriteContext ApiServer = new("kube-apiserver");
}
