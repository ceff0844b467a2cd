using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Prober;

/// <summary>
/// The playground's switch for a sick application: a pod annotated with <see cref="Annotation"/> (a comma-separated
/// list of probe types, e.g. "liveness,readiness") fails those probes, the way a hung server would, until it is removed.
/// Kept on the pod so it is part of the stored state and shows in the write stream.
/// </summary>
public static class ProbeFault
{
    public const string Annotation = "playground.k8s.io/failing-probes";

    /// <summary>What a failing probe reports, worded like the kubelet's probers; null when the pod's switch is off for this type.</summary>
    public static string? Failure(Pod pod, ProbeType type, Probe probe)
    {
        if (pod.Metadata.Annotations?.GetValueOrDefault(Annotation) is not { } value) return null;
        if (!value.Split(',', StringSplitOptions.TrimEntries).Contains(type.ToString(), StringComparer.OrdinalIgnoreCase)) return null;
        if (probe.HttpGet is not null) return "HTTP probe failed with statuscode: 500";
        var timeout = probe.TimeoutSeconds ?? 1;
        return probe.Exec is not null ? $"command timed out: context deadline exceeded after {timeout}s" : $"probe timed out after {timeout}s";
    }
}
