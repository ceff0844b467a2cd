namespace Playground.Server.KubeApi.Protobuf;

/// <summary>k8s.io/api/policy/v1 messages, with field numbers from its generated.proto.</summary>
internal static class PolicyProtos
{
    private static ProtoMessage M(string name, string fields) => ProtoSchema.Message("policy", name, fields);

    public static readonly ProtoMessage[] All =
    [
        M("PodDisruptionBudget", "1 metadata ObjectMeta; 2 spec PodDisruptionBudgetSpec; 3 status PodDisruptionBudgetStatus"),
        M("PodDisruptionBudgetSpec", "1 minAvailable IntOrString; 2 selector LabelSelector; 3 maxUnavailable IntOrString; 4 unhealthyPodEvictionPolicy string?"),
        M("PodDisruptionBudgetStatus", "1 observedGeneration int64; 2 disruptedPods map:Time; 3 disruptionsAllowed int32; 4 currentHealthy int32; "
            + "5 desiredHealthy int32; 6 expectedPods int32; 7 conditions []Condition"),
        M("Eviction", "1 metadata ObjectMeta; 2 deleteOptions DeleteOptions"),
    ];
}
