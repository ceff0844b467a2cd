using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Autoscaling.V1;

/// <summary>
/// autoscaling/v1 HorizontalPodAutoscaler, a CPU utilization target only. It is served beside the stored
/// autoscaling/v2 kind and converted to and from it (<see cref="HorizontalPodAutoscalerConversion"/>).
/// </summary>
public sealed class HorizontalPodAutoscaler : KubeObject
{
    public HorizontalPodAutoscaler() { ApiVersion = "autoscaling/v1"; Kind = "HorizontalPodAutoscaler"; }
    public HorizontalPodAutoscalerSpec Spec { get; set; } = new();
    public HorizontalPodAutoscalerStatus? Status { get; set; }
}

public sealed class HorizontalPodAutoscalerSpec
{
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();
    public int? MinReplicas { get; set; }
    public int MaxReplicas { get; set; }
    public int? TargetCPUUtilizationPercentage { get; set; }
}

public sealed class CrossVersionObjectReference
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ApiVersion { get; set; }
}

/// <summary>Upstream's v1 status is a struct whose replica counts are always written, zero or not.</summary>
public sealed class HorizontalPodAutoscalerStatus
{
    public long? ObservedGeneration { get; set; }
    public DateTimeOffset? LastScaleTime { get; set; }
    public int CurrentReplicas { get; set; }
    public int DesiredReplicas { get; set; }
    public int? CurrentCPUUtilizationPercentage { get; set; }
}
