using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using V2 = Playground.Core.Api.Autoscaling;

namespace Playground.Core.Api.Autoscaling.V1;

/// <summary>
/// Upstream's autoscaling/v1 conversion (pkg/apis/autoscaling/v1/conversion.go): targetCPUUtilizationPercentage is a
/// Resource cpu Utilization metric; whatever v1 cannot hold (other metrics, behavior, current metrics, conditions) rides
/// in the autoscaling.alpha.kubernetes.io annotations, in the v1-era shapes upstream writes there, and comes back out
/// of them when a v1 object is written. Malformed annotations are ignored, as upstream ignores them.
/// </summary>
public sealed class HorizontalPodAutoscalerConversion : VersionConverter<HorizontalPodAutoscaler, V2.HorizontalPodAutoscaler>
{
    public const string MetricsAnnotation = "autoscaling.alpha.kubernetes.io/metrics";
    public const string CurrentMetricsAnnotation = "autoscaling.alpha.kubernetes.io/current-metrics";
    public const string ConditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";
    public const string BehaviorAnnotation = "autoscaling.alpha.kubernetes.io/behavior";

    /// <summary>What the v1 API always meant when no target was given.</summary>
    private const int DefaultCpuUtilization = 80;

    private static readonly string[] RoundTrip = [MetricsAnnotation, CurrentMetricsAnnotation, ConditionsAnnotation, BehaviorAnnotation];

    /// <summary>Go's encoder escapes little; annotations read like upstream's (quotes and apostrophes as they are).</summary>
    private static readonly JsonSerializerOptions GoText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected override V2.HorizontalPodAutoscaler ToStored(HorizontalPodAutoscaler v1)
    {
        var annotations = v1.Metadata.Annotations ?? [];
        var spec = new V2.HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2.CrossVersionObjectReference { Kind = v1.Spec.ScaleTargetRef.Kind, Name = v1.Spec.ScaleTargetRef.Name, ApiVersion = v1.Spec.ScaleTargetRef.ApiVersion },
            MinReplicas = v1.Spec.MinReplicas,
            MaxReplicas = v1.Spec.MaxReplicas,
        };
        var metrics = Parse<JsonArray>(annotations, MetricsAnnotation)?.OfType<JsonObject>().Select(MetricFromV1).ToList() ?? [];
        if (v1.Spec.TargetCPUUtilizationPercentage is { } cpu) metrics.Add(CpuUtilization(cpu));
        spec.Metrics = metrics.Count > 0 ? metrics : [CpuUtilization(DefaultCpuUtilization)];
        if (Parse<JsonObject>(annotations, BehaviorAnnotation) is { Count: > 0 } behavior) spec.Behavior = BehaviorFromAnnotation(behavior);

        V2.HorizontalPodAutoscalerStatus? status = null;
        if (v1.Status is { } s)
        {
            status = new V2.HorizontalPodAutoscalerStatus
            {
                ObservedGeneration = s.ObservedGeneration,
                LastScaleTime = s.LastScaleTime,
                CurrentReplicas = s.CurrentReplicas == 0 ? null : s.CurrentReplicas,
                DesiredReplicas = s.DesiredReplicas,
            };
            if (s.CurrentCPUUtilizationPercentage is { } current)
                status.CurrentMetrics = [new V2.MetricStatus { Type = "Resource", Resource = new V2.ResourceMetricStatus { Name = "cpu", Current = new V2.MetricValueStatus { AverageUtilization = current } } }];
        }
        if (Parse<JsonArray>(annotations, CurrentMetricsAnnotation) is { } currentMetrics)
            (status ??= new()).CurrentMetrics = [.. currentMetrics.OfType<JsonObject>().Select(MetricStatusFromV1).OfType<V2.MetricStatus>()];
        if (Parse<JsonArray>(annotations, ConditionsAnnotation) is { } conditions)
            (status ??= new()).Conditions = [.. conditions.OfType<JsonObject>().Select(ConditionFromV1).OfType<Condition>()];

        return new V2.HorizontalPodAutoscaler { Metadata = WithoutRoundTrip(v1.Metadata), Spec = spec, Status = status };
    }

    protected override HorizontalPodAutoscaler FromStored(V2.HorizontalPodAutoscaler v2)
    {
        var metadata = WithoutRoundTrip(v2.Metadata);
        var annotations = metadata.Annotations ?? [];
        var metrics = v2.Spec.Metrics ?? [];
        var spec = new HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new CrossVersionObjectReference { Kind = v2.Spec.ScaleTargetRef.Kind, Name = v2.Spec.ScaleTargetRef.Name, ApiVersion = v2.Spec.ScaleTargetRef.ApiVersion },
            MinReplicas = v2.Spec.MinReplicas,
            MaxReplicas = v2.Spec.MaxReplicas,
            TargetCPUUtilizationPercentage = metrics.FirstOrDefault(IsCpu)?.Resource!.Target.AverageUtilization,
        };
        var others = metrics.Where(m => !(IsCpu(m) && m.Resource!.Target.AverageUtilization is not null)).Select(MetricToV1).ToList();
        if (others.Count > 0) annotations[MetricsAnnotation] = Text(new JsonArray([.. others]));
        if (v2.Spec.Behavior is { } behavior) annotations[BehaviorAnnotation] = Text(BehaviorToAnnotation(behavior));

        var v2Status = v2.Status ?? new V2.HorizontalPodAutoscalerStatus();
        var current = v2Status.CurrentMetrics ?? [];
        var status = new HorizontalPodAutoscalerStatus
        {
            ObservedGeneration = v2Status.ObservedGeneration,
            LastScaleTime = v2Status.LastScaleTime,
            CurrentReplicas = v2Status.CurrentReplicas ?? 0,
            DesiredReplicas = v2Status.DesiredReplicas,
            CurrentCPUUtilizationPercentage = current.LastOrDefault(m => m is { Type: "Resource", Resource.Name: "cpu", Resource.Current.AverageUtilization: not null })?.Resource!.Current.AverageUtilization,
        };
        if (current.Count > 0) annotations[CurrentMetricsAnnotation] = Text(new JsonArray([.. current.Select(MetricStatusToV1)]));
        if (v2Status.Conditions is { Count: > 0 } conditions) annotations[ConditionsAnnotation] = Text(new JsonArray([.. conditions.Select(ConditionToV1)]));

        metadata.Annotations = annotations.Count > 0 ? annotations : null;
        return new HorizontalPodAutoscaler { Metadata = metadata, Spec = spec, Status = status };
    }

    private static bool IsCpu(V2.MetricSpec metric) => metric is { Type: "Resource", Resource.Name: "cpu" };

    private static V2.MetricSpec CpuUtilization(int percent) => new()
    {
        Type = "Resource",
        Resource = new V2.ResourceMetricSource { Name = "cpu", Target = new V2.MetricTarget { Type = "Utilization", AverageUtilization = percent } },
    };

    /// <summary>A copy of the metadata without the round-trip annotations, which only conversion may write.</summary>
    private static ObjectMeta WithoutRoundTrip(ObjectMeta metadata)
    {
        var copy = JsonSerializer.Deserialize<ObjectMeta>(JsonSerializer.SerializeToUtf8Bytes(metadata, KubeJson.Options), KubeJson.Options)!;
        if (copy.Annotations is { } annotations)
        {
            foreach (var key in RoundTrip) annotations.Remove(key);
            if (annotations.Count == 0) copy.Annotations = null;
        }
        return copy;
    }

    private static T? Parse<T>(Dictionary<string, string> annotations, string key) where T : JsonNode
    {
        if (!annotations.TryGetValue(key, out var text)) return null;
        try
        {
            return JsonNode.Parse(text) as T;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode node) => node.ToJsonString(GoText);

    // v1 metric specs are autoscaling/v2beta1's flat shapes: targetAverageUtilization, targetAverageValue, metricName.

    private static V2.MetricSpec MetricFromV1(JsonObject v1)
    {
        var type = KubeJson.Text(v1["type"]) ?? "";
        var metric = new V2.MetricSpec { Type = type };
        switch (type)
        {
            case "Resource" when v1["resource"] is JsonObject r:
                metric.Resource = new V2.ResourceMetricSource { Name = KubeJson.Text(r["name"]) ?? "", Target = ResourceTarget(r) };
                break;
            case "ContainerResource" when v1["containerResource"] is JsonObject c:
                metric.ContainerResource = Obj(("name", c["name"]), ("target", Target(ResourceTarget(c))), ("container", c["container"]));
                break;
            case "Pods" when v1["pods"] is JsonObject p:
                metric.Pods = Obj(("metric", Identifier(p["metricName"], p["selector"])), ("target", Obj(("type", "AverageValue"), ("averageValue", p["targetAverageValue"]))));
                break;
            case "Object" when v1["object"] is JsonObject o:
                metric.Object = Obj(
                    ("describedObject", o["target"]),
                    ("target", Obj(("type", o["averageValue"] is null ? "Value" : "AverageValue"), ("value", o["targetValue"]), ("averageValue", o["averageValue"]))),
                    ("metric", Identifier(o["metricName"], o["selector"])));
                break;
            case "External" when v1["external"] is JsonObject e:
                metric.External = Obj(
                    ("metric", Identifier(e["metricName"], e["metricSelector"])),
                    ("target", Obj(("type", e["targetValue"] is null ? "AverageValue" : "Value"), ("value", e["targetValue"]), ("averageValue", e["targetAverageValue"]))));
                break;
        }
        return metric;
    }

    private static V2.MetricTarget ResourceTarget(JsonObject v1) => new()
    {
        Type = v1["targetAverageUtilization"] is null ? "AverageValue" : "Utilization",
        AverageUtilization = Int(v1["targetAverageUtilization"]),
        AverageValue = KubeJson.Text(v1["targetAverageValue"]),
    };

    private static JsonObject MetricToV1(V2.MetricSpec v2)
    {
        var v1 = Obj(("type", v2.Type));
        switch (v2.Type)
        {
            case "Resource" when v2.Resource is { } r:
                v1["resource"] = Obj(("name", r.Name), ("targetAverageUtilization", r.Target.AverageUtilization), ("targetAverageValue", r.Target.AverageValue));
                break;
            case "ContainerResource" when v2.ContainerResource is { } c:
                v1["containerResource"] = Obj(("name", c["name"]), ("targetAverageUtilization", c["target"]?["averageUtilization"]),
                    ("targetAverageValue", c["target"]?["averageValue"]), ("container", c["container"] ?? ""));
                break;
            case "Pods" when v2.Pods is { } p:
                v1["pods"] = Obj(("metricName", p["metric"]?["name"] ?? ""), ("targetAverageValue", p["target"]?["averageValue"] ?? "0"), ("selector", p["metric"]?["selector"]));
                break;
            case "Object" when v2.Object is { } o:
                v1["object"] = Obj(("target", o["describedObject"] ?? new JsonObject { ["kind"] = "", ["name"] = "" }), ("metricName", o["metric"]?["name"] ?? ""),
                    ("targetValue", o["target"]?["value"] ?? "0"), ("selector", o["metric"]?["selector"]), ("averageValue", o["target"]?["averageValue"]));
                break;
            case "External" when v2.External is { } e:
                v1["external"] = Obj(("metricName", e["metric"]?["name"] ?? ""), ("metricSelector", e["metric"]?["selector"]),
                    ("targetValue", e["target"]?["value"]), ("targetAverageValue", e["target"]?["averageValue"]));
                break;
        }
        return v1;
    }

    /// <summary>The stored model keeps Resource statuses only, so the other kinds of a v1 annotation are left out.</summary>
    private static V2.MetricStatus? MetricStatusFromV1(JsonObject v1) =>
        KubeJson.Text(v1["type"]) == "Resource" && v1["resource"] is JsonObject r
            ? new V2.MetricStatus
            {
                Type = "Resource",
                Resource = new V2.ResourceMetricStatus
                {
                    Name = KubeJson.Text(r["name"]) ?? "",
                    Current = new V2.MetricValueStatus { AverageUtilization = Int(r["currentAverageUtilization"]), AverageValue = KubeJson.Text(r["currentAverageValue"]) },
                },
            }
            : null;

    private static JsonObject MetricStatusToV1(V2.MetricStatus v2)
    {
        var v1 = Obj(("type", v2.Type));
        if (v2.Resource is { } r)
            v1["resource"] = Obj(("name", r.Name), ("currentAverageUtilization", r.Current.AverageUtilization), ("currentAverageValue", r.Current.AverageValue ?? "0"));
        return v1;
    }

    private static Condition? ConditionFromV1(JsonObject v1)
    {
        try
        {
            return v1.Deserialize<Condition>(KubeJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Upstream's v1 condition always carries lastTransitionTime (null when unset); reason and message only when set.</summary>
    private static JsonObject ConditionToV1(Condition c) => Obj(
        ("type", c.Type), ("status", c.Status),
        ("lastTransitionTime", OrNull(c.LastTransitionTime is { } t ? KubeJson.FormatTime(t) : null)),
        ("reason", c.Reason is { Length: > 0 } ? c.Reason : null), ("message", c.Message is { Length: > 0 } ? c.Message : null));

    // The behavior annotation is upstream's internal type marshaled without JSON tags: Go field names, and every
    // pointer written (null when unset). Go reads field names case-insensitively, and so does this.

    private static JsonObject BehaviorToAnnotation(V2.HorizontalPodAutoscalerBehavior behavior) =>
        Obj(("ScaleUp", RulesToAnnotation(behavior.ScaleUp)), ("ScaleDown", RulesToAnnotation(behavior.ScaleDown)));

    private static object RulesToAnnotation(V2.HpaScalingRules? rules)
    {
        if (rules is null) return Null.Value;
        var node = Obj(
            ("StabilizationWindowSeconds", OrNull(rules.StabilizationWindowSeconds)),
            ("SelectPolicy", OrNull(rules.SelectPolicy)),
            ("Policies", OrNull(rules.Policies is { } policies
                ? new JsonArray([.. policies.Select(x => (JsonNode)Obj(("Type", x.Type), ("Value", x.Value), ("PeriodSeconds", x.PeriodSeconds)))])
                : null)));
        if (rules.Tolerance is { } tolerance) node["Tolerance"] = tolerance;
        return node;
    }

    private static V2.HorizontalPodAutoscalerBehavior? BehaviorFromAnnotation(JsonObject annotation)
    {
        var behavior = new V2.HorizontalPodAutoscalerBehavior
        {
            ScaleUp = RulesFromAnnotation(Field(annotation, "ScaleUp")),
            ScaleDown = RulesFromAnnotation(Field(annotation, "ScaleDown")),
        };
        return behavior.ScaleUp is null && behavior.ScaleDown is null ? null : behavior;
    }

    private static V2.HpaScalingRules? RulesFromAnnotation(JsonNode? node) => node is JsonObject rules
        ? new V2.HpaScalingRules
        {
            StabilizationWindowSeconds = Int(Field(rules, "StabilizationWindowSeconds")),
            SelectPolicy = KubeJson.Text(Field(rules, "SelectPolicy")),
            Policies = Field(rules, "Policies") is JsonArray policies
                ? [.. policies.OfType<JsonObject>().Select(p => new V2.HpaScalingPolicy { Type = KubeJson.Text(Field(p, "Type")) ?? "", Value = Int(Field(p, "Value")) ?? 0, PeriodSeconds = Int(Field(p, "PeriodSeconds")) ?? 0 })]
                : null,
            Tolerance = KubeJson.Text(Field(rules, "Tolerance")),
        }
        : null;

    private static JsonNode? Field(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static JsonObject Identifier(JsonNode? name, JsonNode? selector) => Obj(("name", name ?? ""), ("selector", selector));

    private static JsonObject Target(V2.MetricTarget target) =>
        Obj(("type", target.Type), ("averageUtilization", target.AverageUtilization), ("averageValue", target.AverageValue));


    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    /// <summary>A JSON object of the given fields in order, copying nodes and leaving out nulls (Go's omitempty); <see cref="Null.Value"/> writes a JSON null.</summary>
    private static JsonObject Obj(params (string Key, object? Value)[] fields)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in fields)
        {
            switch (value)
            {
                case null: break;
                case Null: obj[key] = null; break;
                case JsonNode node: obj[key] = node.DeepClone(); break;
                case string text: obj[key] = text; break;
                case int number: obj[key] = number; break;
                default: throw new ArgumentException($"unexpected field value {value.GetType().Name}", nameof(fields));
            }
        }
        return obj;
    }

    private static object OrNull(object? value) => value ?? Null.Value;

    /// <summary>A field Go writes as null rather than leaving out.</summary>
    private sealed class Null
    {
        public static readonly Null Value = new();
    }
}
