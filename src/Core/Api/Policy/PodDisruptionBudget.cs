using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Policy;

/// <summary>policy/v1 PodDisruptionBudget: how many of a set of pods voluntary disruptions (evictions) must leave running.</summary>
public sealed class PodDisruptionBudget : KubeObject
{
    public PodDisruptionBudget() { ApiVersion = "policy/v1"; Kind = "PodDisruptionBudget"; }
    public PodDisruptionBudgetSpec Spec { get; set; } = new();
    public PodDisruptionBudgetStatus? Status { get; set; }
}

public sealed class PodDisruptionBudgetSpec
{
    public IntOrString? MinAvailable { get; set; }
    public IntOrString? MaxUnavailable { get; set; }
    public LabelSelector? Selector { get; set; }
    public string? UnhealthyPodEvictionPolicy { get; set; }
}

public sealed class PodDisruptionBudgetStatus
{
    public long? ObservedGeneration { get; set; }
    public Dictionary<string, DateTimeOffset>? DisruptedPods { get; set; }
    public int DisruptionsAllowed { get; set; }
    public int CurrentHealthy { get; set; }
    public int DesiredHealthy { get; set; }
    public int ExpectedPods { get; set; }
    public List<Condition>? Conditions { get; set; }
}
