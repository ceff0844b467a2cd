namespace Playground.Core.Kubelet.Prober;

public enum ProbeType { Liveness, Readiness, Startup }

public enum ProbeResult { Unknown, Success, Failure }

/// <summary>
/// The prober's latest verdicts by container ID (upstream's results managers): what the stages read to set a
/// container's started and ready flags, and to kill a container that failed its liveness or startup probe.
/// </summary>
public sealed class ProbeResults
{
    private readonly Dictionary<(string ContainerId, ProbeType Type), ProbeResult> _results = [];

    public ProbeResult? Get(string? containerId, ProbeType type) =>
        containerId is not null && _results.TryGetValue((containerId, type), out var result) ? result : null;

    /// <summary>Sets a verdict; true when it changed, so the pod's status needs another look.</summary>
    public bool Set(string containerId, ProbeType type, ProbeResult result)
    {
        if (_results.TryGetValue((containerId, type), out var old) && old == result) return false;
        _results[(containerId, type)] = result;
        return true;
    }

    public void Remove(string containerId, ProbeType type) => _results.Remove((containerId, type));
}
