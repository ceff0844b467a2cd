namespace Playground.Server.KubeApi.Protobuf;

/// <summary>k8s.io/apimachinery: meta/v1, runtime, intstr and resource messages, with field numbers from their generated.proto.</summary>
internal static class MetaProtos
{
    private static ProtoMessage M(string name, string fields) => ProtoSchema.Message("meta", name, fields);

    public static readonly ProtoMessage[] All =
    [
        // runtime.Unknown wraps every protobuf body: the magic "k8s\0", then this envelope around the object's own bytes.
        M("Unknown", "1 typeMeta TypeMeta; 2 raw bytes; 3 contentEncoding string; 4 contentType string"),
        M("TypeMeta", "1 apiVersion string; 2 kind string"),
        M("ObjectMeta", "1 name string; 2 generateName string; 3 namespace string; 4 selfLink string; 5 uid string; 6 resourceVersion string; "
            + "7 generation int64; 8 creationTimestamp Time; 9 deletionTimestamp Time; 10 deletionGracePeriodSeconds int64?; "
            + "11 labels map:string; 12 annotations map:string; 13 ownerReferences []OwnerReference; 14 finalizers []string; "
            + "17 managedFields []ManagedFieldsEntry"),
        M("OwnerReference", "5 apiVersion string; 1 kind string; 3 name string; 4 uid string; 6 controller bool?; 7 blockOwnerDeletion bool?"),
        M("ManagedFieldsEntry", "1 manager string; 2 operation string; 3 apiVersion string; 4 time Time; 6 fieldsType string; 7 fieldsV1 FieldsV1; 8 subresource string"),
        M("LabelSelector", "1 matchLabels map:string; 2 matchExpressions []LabelSelectorRequirement"),
        M("LabelSelectorRequirement", "1 key string; 2 operator string; 3 values []string"),
        M("Condition", "1 type string; 2 status string; 3 observedGeneration int64; 4 lastTransitionTime Time; 5 reason string; 6 message string"),
        M("DeleteOptions", "1 gracePeriodSeconds int64?; 2 preconditions Preconditions; 3 orphanDependents bool?; 4 propagationPolicy string?; "
            + "5 dryRun []string; 6 ignoreStoreReadErrorWithClusterBreakingPotential bool?"),
        M("Preconditions", "1 uid string?; 2 resourceVersion string?"),
        // Well-known values that JSON writes as scalars; WellKnownTypes turns them into their JSON form.
        M("Time", "1 seconds int64; 2 nanos int32"),
        M("MicroTime", "1 seconds int64; 2 nanos int32"),
        M("IntOrString", "1 type int64; 2 intVal int32; 3 strVal string"),
        M("Quantity", "1 string string"),
        M("RawExtension", "1 raw bytes"),
        M("FieldsV1", "1 Raw bytes"),
    ];
}
