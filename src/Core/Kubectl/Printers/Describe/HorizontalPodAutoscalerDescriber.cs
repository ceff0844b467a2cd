using Playground.Core.Api.Autoscaling;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe hpa (autoscaling/v2): reference, each metric as current / target, bounds, behavior, replicas and conditions.</summary>
public static class HorizontalPodAutoscalerDescriber
{
    public static string Describe(HorizontalPodAutoscaler hpa, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = hpa.Status ?? new HorizontalPodAutoscalerStatus();
        w.Line(0, $"Name:\t{hpa.Metadata.Name}");
        w.Line(0, $"Namespace:\t{hpa.Metadata.Namespace}");
        w.Labels("Labels", hpa.Metadata.Labels);
        w.Annotations("Annotations", hpa.Metadata.Annotations);
        w.Line(0, $"CreationTimestamp:\t{DescribeWriter.Time(hpa.Metadata.CreationTimestamp)}");
        w.Line(0, $"Reference:\t{hpa.Spec.ScaleTargetRef.Kind}/{hpa.Spec.ScaleTargetRef.Name}");
        w.Line(0, "Metrics:\t( current / target )");
        var metrics = hpa.Spec.Metrics ?? [];
        for (var i = 0; i < metrics.Count; i++)
        {
            if (metrics[i] is not { Type: "Resource", Resource: { } resource })
            {
                w.Line(1, $"<unknown metric type \"{metrics[i].Type}\">");
                continue;
            }
            var current = i < (status.CurrentMetrics?.Count ?? 0) ? status.CurrentMetrics![i].Resource?.Current : null;
            w.Write(1, $"resource {resource.Name} on pods");
            if (resource.Target.AverageValue is { } value)
            {
                w.Line(0, $":\t{current?.AverageValue ?? "<unknown>"} / {value}");
            }
            else
            {
                var shown = current?.AverageUtilization is { } u ? $"{u}% ({current.AverageValue})" : "<unknown>";
                var target = resource.Target.AverageUtilization is { } t ? $"{t}%" : "<auto>";
                w.Line(1, $"(as a percentage of request):\t{shown} / {target}");
            }
        }
        w.Line(0, $"Min replicas:\t{(hpa.Spec.MinReplicas is { } min ? min.ToString() : "<unset>")}");
        w.Line(0, $"Max replicas:\t{hpa.Spec.MaxReplicas}");
        if (hpa.Spec.Behavior is { } behavior)
        {
            w.Line(0, "Behavior:");
            Direction(w, "Scale Up", behavior.ScaleUp);
            Direction(w, "Scale Down", behavior.ScaleDown);
        }
        w.Line(0, $"{hpa.Spec.ScaleTargetRef.Kind} pods:\t{status.CurrentReplicas ?? 0} current / {status.DesiredReplicas} desired");
        if (status.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tReason\tMessage");
            w.Line(1, "----\t------\t------\t-------");
            foreach (var c in conditions) w.Line(1, $"{c.Type}\t{c.Status}\t{c.Reason}\t{c.Message}");
        }
        w.Events(events, now);
        return w.ToString();
    }

    private static void Direction(DescribeWriter w, string direction, HpaScalingRules? rules)
    {
        if (rules is null) return;
        w.Line(1, $"{direction}:");
        if (rules.StabilizationWindowSeconds is { } window) w.Line(2, $"Stabilization Window: {window} seconds");
        if (rules.Policies is not { Count: > 0 } policies) return;
        w.Line(2, $"Select Policy: {rules.SelectPolicy ?? "Max"}");
        w.Line(2, "Policies:");
        foreach (var p in policies) w.Line(3, $"- Type: {p.Type}\tValue: {p.Value}\tPeriod: {p.PeriodSeconds} seconds");
    }
}
