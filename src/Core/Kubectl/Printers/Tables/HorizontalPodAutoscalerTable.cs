using Playground.Core.Api.Autoscaling;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>printHorizontalPodAutoscaler of kubectl 1.32: TARGETS as "cpu: 40%/50%", at most two metrics then "+ N more...".</summary>
public sealed class HorizontalPodAutoscalerTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Reference"), new("Targets"), new("MinPods"), new("MaxPods"), new("Replicas"), new("Age"),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var hpa = (HorizontalPodAutoscaler)obj;
        return
        [
            hpa.Metadata.Name ?? "",
            $"{hpa.Spec.ScaleTargetRef.Kind}/{hpa.Spec.ScaleTargetRef.Name}",
            Targets(hpa.Spec.Metrics ?? [], hpa.Status?.CurrentMetrics ?? []),
            hpa.Spec.MinReplicas is { } min ? min.ToString() : "<unset>",
            hpa.Spec.MaxReplicas.ToString(),
            (hpa.Status?.CurrentReplicas ?? 0).ToString(),
            HumanDuration.Since(hpa.Metadata.CreationTimestamp, now),
        ];
    }

    public static string Targets(IReadOnlyList<MetricSpec> specs, IReadOnlyList<MetricStatus> statuses)
    {
        if (specs.Count == 0) return "<none>";
        var list = new List<string>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            if (spec is not { Type: "Resource", Resource: { } resource })
            {
                list.Add(spec.Type is "Pods" or "Object" or "External" or "ContainerResource" ? "<unknown>/<unknown>" : "<unknown type>");
                continue;
            }
            var status = i < statuses.Count ? statuses[i].Resource : null;
            if (resource.Target.AverageValue is { } value)
            {
                list.Add($"{resource.Name}: {status?.Current.AverageValue ?? "<unknown>"}/{value}");
            }
            else
            {
                var current = status?.Current.AverageUtilization is { } u ? $"{u}%" : "<unknown>";
                var target = resource.Target.AverageUtilization is { } t ? $"{t}%" : "<auto>";
                list.Add($"{resource.Name}: {current}/{target}");
            }
        }
        return list.Count > 2 ? $"{string.Join(", ", list.Take(2))} + {list.Count - 2} more..." : string.Join(", ", list);
    }
}
