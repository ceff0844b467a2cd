using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Autoscaling;

/// <summary>autoscaling/v2 HorizontalPodAutoscaler; metric sources other than Resource are kept as given (JsonObject).</summary>
public sealed class HorizontalPodAutoscaler : KubeObject
{
    public HorizontalPodAutoscaler() { ApiVersion = "autoscaling/v2"; Kind = "HorizontalPodAutoscaler"; }
    public HorizontalPodAutoscalerSpec Spec { get; set; } = new();
    public HorizontalPodAutoscalerStatus? Status { get; set; }
}

public sealed class HorizontalPodAutoscalerSpec
{
    public CrossVersionObjectReference ScaleTargetRef { get; set; } = new();
    public int? MinReplicas { get; set; }
    public int MaxReplicas { get; set; }
    public List<MetricSpec>? Metrics { get; set; }
    public HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}

public sealed class CrossVersionObjectReference
{
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ApiVersion { get; set; }
}

public sealed class MetricSpec
{
    public string Type { get; set; } = "";
    public ResourceMetricSource? Resource { get; set; }
    public JsonObject? ContainerResource { get; set; }
    public JsonObject? Pods { get; set; }
    public JsonObject? Object { get; set; }
    public JsonObject? External { get; set; }
}

public sealed class ResourceMetricSource
{
    public string Name { get; set; } = "";
    public MetricTarget Target { get; set; } = new();
}

public sealed class MetricTarget
{
    public string Type { get; set; } = "";
    public string? Value { get; set; }
    public string? AverageValue { get; set; }
    public int? AverageUtilization { get; set; }
}

public sealed class HorizontalPodAutoscalerBehavior
{
    public HpaScalingRules? ScaleUp { get; set; }
    public HpaScalingRules? ScaleDown { get; set; }
}

public sealed class HpaScalingRules
{
    public int? StabilizationWindowSeconds { get; set; }
    public string? SelectPolicy { get; set; }
    public List<HpaScalingPolicy>? Policies { get; set; }
    public string? Tolerance { get; set; }
}

public sealed class HpaScalingPolicy
{
    public string Type { get; set; } = "";
    public int Value { get; set; }
    public int PeriodSeconds { get; set; }
}

public sealed class HorizontalPodAutoscalerStatus
{
    public long? ObservedGeneration { get; set; }
    public DateTimeOffset? LastScaleTime { get; set; }
    public int? CurrentReplicas { get; set; }
    public int DesiredReplicas { get; set; }
    public List<MetricStatus>? CurrentMetrics { get; set; }
    public List<Condition>? Conditions { get; set; }
}

public sealed class MetricStatus
{
    public string Type { get; set; } = "";
    public ResourceMetricStatus? Resource { get; set; }
}

public sealed class ResourceMetricStatus
{
    public string Name { get; set; } = "";
    public MetricValueStatus Current { get; set; } = new();
}

public sealed class MetricValueStatus
{
    public string? Value { get; set; }
    public string? AverageValue { get; set; }
    public int? AverageUtilization { get; set; }
}
