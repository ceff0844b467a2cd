using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Prober;

/// <summary>
/// One probe of one container (upstream's prober worker): probes every periodSeconds from when the pod was added,
/// skips until initialDelaySeconds have passed since the container started and, but for the startup probe, until the
/// container has started; turns failureThreshold failures or successThreshold successes in a row into a result, and
/// holds after a liveness or startup failure until a new container runs.
/// </summary>
internal sealed class ProbeWorker(ProbeType type, string containerName, Probe spec)
{
    public ProbeType Type { get; } = type;
    public string ContainerName { get; } = containerName;
    public Probe Spec { get; } = spec;
    public TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, Spec.PeriodSeconds ?? 10));
    public IDisposable? Timer { get; set; }

    /// <summary>A probe run the kubelet asked for out of turn, not yet run.</summary>
    public IDisposable? Trigger { get; set; }

    /// <summary>Whether the running container has had its first real probe, after which probing is background work.</summary>
    public bool ProbedCurrent => _containerId is not null && _probedId == _containerId;

    private string? _containerId;
    private bool _onHold;
    private ProbeResult _lastResult = ProbeResult.Unknown;
    private int _resultRun;
    private string? _probedId;

    /// <summary>What a container's result is before its first verdict: not ready, alive, not yet started.</summary>
    private ProbeResult InitialValue => Type switch
    {
        ProbeType.Readiness => ProbeResult.Failure,
        ProbeType.Liveness => ProbeResult.Success,
        _ => ProbeResult.Unknown,
    };

    /// <summary>
    /// One probe tick: returns whether the worker keeps going, whether the result changed, and the failed probe's
    /// output when an Unhealthy event is due.
    /// </summary>
    public (bool KeepGoing, bool Changed, string? Failure) Tick(Pod pod, ContainerStatus? status, ProbeResults results, Func<(bool Success, string Output)> probe, DateTimeOffset now)
    {
        if (pod.Status?.Phase is "Succeeded" or "Failed") return (false, false, null);
        if (status is null || string.IsNullOrEmpty(status.ContainerID)) return (true, false, null);
        var changed = false;
        if (_containerId != status.ContainerID)
        {
            if (_containerId is not null) results.Remove(_containerId, Type);
            _containerId = status.ContainerID;
            // A container an earlier kubelet already found ready or started (before a restart of the sandbox) keeps that verdict.
            var earlier = (Type == ProbeType.Readiness && status.Ready == true) || (Type == ProbeType.Startup && status.Started == true);
            changed = results.Set(_containerId, Type, earlier ? ProbeResult.Success : InitialValue);
            _onHold = false;
        }
        if (_onHold) return (true, changed, null);
        if (status.State?.Running is not { } running)
        {
            changed |= results.Set(_containerId, Type, ProbeResult.Failure);
            return (status.State?.Terminated is null || pod.Spec.RestartPolicy != "Never", changed, null);
        }
        if (pod.Metadata.DeletionTimestamp is not null && Type != ProbeType.Readiness)
        {
            changed |= results.Set(_containerId, Type, ProbeResult.Success);
            return (false, changed, null);
        }
        // Go truncates the seconds since the start to a whole number before comparing.
        if ((int)(now - (running.StartedAt ?? now)).TotalSeconds < (Spec.InitialDelaySeconds ?? 0)) return (true, changed, null);
        if (status.Started == true ? Type == ProbeType.Startup : Type != ProbeType.Startup) return (true, changed, null);

        var (success, output) = probe();
        _probedId = _containerId;
        var result = success ? ProbeResult.Success : ProbeResult.Failure;
        if (_lastResult == result) _resultRun++;
        else
        {
            _lastResult = result;
            _resultRun = 1;
        }
        var failure = success ? null : output;
        if ((!success && _resultRun < Math.Max(1, Spec.FailureThreshold ?? 3)) || (success && _resultRun < Math.Max(1, Spec.SuccessThreshold ?? 1)))
            return (true, changed, failure);
        changed |= results.Set(_containerId, Type, result);
        if (Type != ProbeType.Readiness && !success)
        {
            // The container will be restarted: stop probing until a new one runs.
            _onHold = true;
            _resultRun = 0;
        }
        return (true, changed, failure);
    }

    public void Forget(ProbeResults results)
    {
        Timer?.Dispose();
        Trigger?.Dispose();
        if (_containerId is not null) results.Remove(_containerId, Type);
    }
}
