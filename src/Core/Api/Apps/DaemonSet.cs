using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Apps;

public sealed class DaemonSet : KubeObject
{
    public DaemonSet() { ApiVersion = "apps/v1"; Kind = "DaemonSet"; }
    public DaemonSetSpec Spec { get; set; } = new();
    public DaemonSetStatus? Status { get; set; }
}

public sealed class DaemonSetSpec
{
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
    public DaemonSetUpdateStrategy? UpdateStrategy { get; set; }
    public int? MinReadySeconds { get; set; }
    public int? RevisionHistoryLimit { get; set; }
}

public sealed class DaemonSetUpdateStrategy
{
    public string? Type { get; set; }
    public RollingUpdateDaemonSet? RollingUpdate { get; set; }
}

public sealed class RollingUpdateDaemonSet
{
    public IntOrString? MaxUnavailable { get; set; }
    public IntOrString? MaxSurge { get; set; }
}

/// <summary>Upstream's four scheduling counts are not omitempty (zero is written); the others are.</summary>
public sealed class DaemonSetStatus
{
    public int CurrentNumberScheduled { get; set; }
    public int NumberMisscheduled { get; set; }
    public int DesiredNumberScheduled { get; set; }
    public int NumberReady { get; set; }
    public long? ObservedGeneration { get; set; }
    public int? UpdatedNumberScheduled { get; set; }
    public int? NumberAvailable { get; set; }
    public int? NumberUnavailable { get; set; }
    public int? CollisionCount { get; set; }
    public List<Condition>? Conditions { get; set; }
}
