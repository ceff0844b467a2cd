namespace Playground.Server.KubeApi.Protobuf;

/// <summary>k8s.io/api/autoscaling v1 (HorizontalPodAutoscaler, Scale) and v2 messages, with field numbers from their generated.proto.</summary>
internal static class AutoscalingProtos
{
    private static ProtoMessage V1(string name, string fields) => ProtoSchema.Message("autoscalingv1", name, fields);

    private static ProtoMessage V2(string name, string fields) => ProtoSchema.Message("autoscalingv2", name, fields);

    public static readonly ProtoMessage[] All =
    [
        V1("Scale", "1 metadata ObjectMeta; 2 spec ScaleSpec; 3 status ScaleStatus"),
        V1("ScaleSpec", "1 replicas int32"),
        V1("ScaleStatus", "1 replicas int32; 2 selector string"),
        V1("HorizontalPodAutoscaler", "1 metadata ObjectMeta; 2 spec HorizontalPodAutoscalerSpec; 3 status HorizontalPodAutoscalerStatus"),
        V1("HorizontalPodAutoscalerSpec", "1 scaleTargetRef CrossVersionObjectReference; 2 minReplicas int32?; 3 maxReplicas int32; 4 targetCPUUtilizationPercentage int32?"),
        V1("HorizontalPodAutoscalerStatus", "1 observedGeneration int64?; 2 lastScaleTime Time; 3 currentReplicas int32; 4 desiredReplicas int32; 5 currentCPUUtilizationPercentage int32?"),
        V1("CrossVersionObjectReference", "1 kind string; 2 name string; 3 apiVersion string"),

        V2("HorizontalPodAutoscaler", "1 metadata ObjectMeta; 2 spec HorizontalPodAutoscalerSpec; 3 status HorizontalPodAutoscalerStatus"),
        V2("HorizontalPodAutoscalerSpec", "1 scaleTargetRef CrossVersionObjectReference; 2 minReplicas int32?; 3 maxReplicas int32; 4 metrics []MetricSpec; "
            + "5 behavior HorizontalPodAutoscalerBehavior"),
        V2("CrossVersionObjectReference", "1 kind string; 2 name string; 3 apiVersion string"),
        V2("MetricSpec", "1 type string; 2 object ObjectMetricSource; 3 pods PodsMetricSource; 4 resource ResourceMetricSource; "
            + "7 containerResource ContainerResourceMetricSource; 5 external ExternalMetricSource"),
        V2("ObjectMetricSource", "1 describedObject CrossVersionObjectReference; 2 target MetricTarget; 3 metric MetricIdentifier"),
        V2("PodsMetricSource", "1 metric MetricIdentifier; 2 target MetricTarget"),
        V2("ResourceMetricSource", "1 name string; 2 target MetricTarget"),
        V2("ContainerResourceMetricSource", "1 name string; 2 target MetricTarget; 3 container string"),
        V2("ExternalMetricSource", "1 metric MetricIdentifier; 2 target MetricTarget"),
        V2("MetricIdentifier", "1 name string; 2 selector LabelSelector"),
        V2("MetricTarget", "1 type string; 2 value Quantity; 3 averageValue Quantity; 4 averageUtilization int32?"),
        V2("HorizontalPodAutoscalerBehavior", "1 scaleUp HPAScalingRules; 2 scaleDown HPAScalingRules"),
        V2("HPAScalingRules", "3 stabilizationWindowSeconds int32?; 1 selectPolicy string?; 2 policies []HPAScalingPolicy; 4 tolerance Quantity"),
        V2("HPAScalingPolicy", "1 type string; 2 value int32; 3 periodSeconds int32"),
        V2("HorizontalPodAutoscalerStatus", "1 observedGeneration int64?; 2 lastScaleTime Time; 3 currentReplicas int32; 4 desiredReplicas int32; "
            + "5 currentMetrics []MetricStatus; 6 conditions []HorizontalPodAutoscalerCondition"),
        V2("MetricStatus", "1 type string; 2 object ObjectMetricStatus; 3 pods PodsMetricStatus; 4 resource ResourceMetricStatus; "
            + "7 containerResource ContainerResourceMetricStatus; 5 external ExternalMetricStatus"),
        V2("ObjectMetricStatus", "1 metric MetricIdentifier; 2 current MetricValueStatus; 3 describedObject CrossVersionObjectReference"),
        V2("PodsMetricStatus", "1 metric MetricIdentifier; 2 current MetricValueStatus"),
        V2("ResourceMetricStatus", "1 name string; 2 current MetricValueStatus"),
        V2("ContainerResourceMetricStatus", "1 name string; 2 current MetricValueStatus; 3 container string"),
        V2("ExternalMetricStatus", "1 metric MetricIdentifier; 2 current MetricValueStatus"),
        V2("MetricValueStatus", "1 value Quantity; 2 averageValue Quantity; 3 averageUtilization int32?"),
        V2("HorizontalPodAutoscalerCondition", "1 type string; 2 status string; 3 lastTransitionTime Time; 4 reason string; 5 message string"),
    ];
}
