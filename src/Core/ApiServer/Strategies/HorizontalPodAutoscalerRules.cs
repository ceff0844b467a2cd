using Playground.Core.Api.Autoscaling;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's autoscaling/v2 defaults (min 1, CPU at 80% when no metric is given) and validation.</summary>
public sealed class HorizontalPodAutoscalerRules : ResourceStrategy<HorizontalPodAutoscaler>
{
    protected override bool HasGeneration => true;

    protected override void Default(HorizontalPodAutoscaler hpa, StrategyContext context)
    {
        hpa.Spec.MinReplicas ??= 1;
        if (hpa.Spec.Metrics is not { Count: > 0 })
            hpa.Spec.Metrics = [new MetricSpec { Type = "Resource", Resource = new ResourceMetricSource { Name = "cpu", Target = new MetricTarget { Type = "Utilization", AverageUtilization = 80 } } }];
    }

    protected override IEnumerable<FieldError> ValidateObject(HorizontalPodAutoscaler hpa)
    {
        var spec = hpa.Spec;
        if (spec.ScaleTargetRef.Kind.Length == 0) yield return FieldError.Required("spec.scaleTargetRef.kind");
        if (spec.ScaleTargetRef.Name.Length == 0) yield return FieldError.Required("spec.scaleTargetRef.name");
        if (spec.MinReplicas is < 1) yield return FieldError.Invalid("spec.minReplicas", spec.MinReplicas.Value.ToString(), "must be greater than or equal to 1");
        if (spec.MaxReplicas < 1) yield return FieldError.Invalid("spec.maxReplicas", spec.MaxReplicas.ToString(), "must be greater than 0");
        if (spec.MinReplicas is { } min && spec.MaxReplicas < min)
            yield return FieldError.Invalid("spec.maxReplicas", spec.MaxReplicas.ToString(), "must be greater than or equal to `minReplicas`");
        for (var i = 0; i < (spec.Metrics?.Count ?? 0); i++)
        {
            var metric = spec.Metrics![i];
            var path = $"spec.metrics[{i}]";
            if (metric.Type is not ("Object" or "Pods" or "Resource" or "ContainerResource" or "External"))
                yield return FieldError.NotSupported($"{path}.type", $"\"{metric.Type}\"", ["ContainerResource", "External", "Object", "Pods", "Resource"]);
            if (metric.Type == "Resource" && metric.Resource is null)
                yield return FieldError.Required($"{path}.resource", "must populate information for the given metric source");
            if (metric.Resource is { } resource && resource.Target.Type is not ("Utilization" or "Value" or "AverageValue"))
                yield return FieldError.NotSupported($"{path}.resource.target.type", $"\"{resource.Target.Type}\"", ["AverageValue", "Utilization", "Value"]);
            if (metric.Resource?.Target is { Type: "Utilization", AverageUtilization: < 1 } target)
                yield return FieldError.Invalid($"{path}.resource.target.averageUtilization", target.AverageUtilization.Value.ToString(), "must be greater than 0");
        }
    }
}
