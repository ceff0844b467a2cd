namespace Playground.Server.KubeApi.Protobuf;

/// <summary>k8s.io/api/apps/v1 messages, with field numbers from its generated.proto.</summary>
internal static class AppsProtos
{
    private static ProtoMessage M(string name, string fields) => ProtoSchema.Message("apps", name, fields);

    public static readonly ProtoMessage[] All =
    [
        M("Deployment", "1 metadata ObjectMeta; 2 spec DeploymentSpec; 3 status DeploymentStatus"),
        M("DeploymentSpec", "1 replicas int32?; 2 selector LabelSelector; 3 template core.PodTemplateSpec; 4 strategy DeploymentStrategy; "
            + "5 minReadySeconds int32; 6 revisionHistoryLimit int32?; 7 paused bool; 9 progressDeadlineSeconds int32?; 10 podReplacementPolicy string?"),
        M("DeploymentStrategy", "1 type string; 2 rollingUpdate RollingUpdateDeployment"),
        M("RollingUpdateDeployment", "1 maxUnavailable IntOrString; 2 maxSurge IntOrString"),
        M("DeploymentStatus", "1 observedGeneration int64; 2 replicas int32; 3 updatedReplicas int32; 7 readyReplicas int32; 4 availableReplicas int32; "
            + "5 unavailableReplicas int32; 9 terminatingReplicas int32?; 6 conditions []DeploymentCondition; 8 collisionCount int32?"),
        M("DeploymentCondition", "1 type string; 2 status string; 6 lastUpdateTime Time; 7 lastTransitionTime Time; 4 reason string; 5 message string"),

        M("ReplicaSet", "1 metadata ObjectMeta; 2 spec ReplicaSetSpec; 3 status ReplicaSetStatus"),
        M("ReplicaSetSpec", "1 replicas int32?; 4 minReadySeconds int32; 2 selector LabelSelector; 3 template core.PodTemplateSpec"),
        M("ReplicaSetStatus", "1 replicas int32; 2 fullyLabeledReplicas int32; 4 readyReplicas int32; 5 availableReplicas int32; "
            + "7 terminatingReplicas int32?; 3 observedGeneration int64; 6 conditions []ReplicaSetCondition"),
        M("ReplicaSetCondition", "1 type string; 2 status string; 3 lastTransitionTime Time; 4 reason string; 5 message string"),

        M("StatefulSet", "1 metadata ObjectMeta; 2 spec StatefulSetSpec; 3 status StatefulSetStatus"),
        M("StatefulSetSpec", "1 replicas int32?; 2 selector LabelSelector; 3 template core.PodTemplateSpec; 4 volumeClaimTemplates []core.PersistentVolumeClaim; "
            + "5 serviceName string; 6 podManagementPolicy string; 7 updateStrategy StatefulSetUpdateStrategy; 8 revisionHistoryLimit int32?; "
            + "9 minReadySeconds int32; 10 persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy; 11 ordinals StatefulSetOrdinals"),
        M("StatefulSetUpdateStrategy", "1 type string; 2 rollingUpdate RollingUpdateStatefulSetStrategy"),
        M("RollingUpdateStatefulSetStrategy", "1 partition int32?; 2 maxUnavailable IntOrString"),
        M("StatefulSetPersistentVolumeClaimRetentionPolicy", "1 whenDeleted string; 2 whenScaled string"),
        M("StatefulSetOrdinals", "1 start int32"),
        M("StatefulSetStatus", "1 observedGeneration int64; 2 replicas int32; 3 readyReplicas int32; 4 currentReplicas int32; 5 updatedReplicas int32; "
            + "6 currentRevision string; 7 updateRevision string; 9 collisionCount int32?; 10 conditions []StatefulSetCondition; 11 availableReplicas int32"),
        M("StatefulSetCondition", "1 type string; 2 status string; 3 lastTransitionTime Time; 4 reason string; 5 message string"),

        M("DaemonSet", "1 metadata ObjectMeta; 2 spec DaemonSetSpec; 3 status DaemonSetStatus"),
        M("DaemonSetSpec", "1 selector LabelSelector; 2 template core.PodTemplateSpec; 3 updateStrategy DaemonSetUpdateStrategy; 4 minReadySeconds int32; 6 revisionHistoryLimit int32?"),
        M("DaemonSetUpdateStrategy", "1 type string; 2 rollingUpdate RollingUpdateDaemonSet"),
        M("RollingUpdateDaemonSet", "1 maxUnavailable IntOrString; 2 maxSurge IntOrString"),
        M("DaemonSetStatus", "1 currentNumberScheduled int32; 2 numberMisscheduled int32; 3 desiredNumberScheduled int32; 4 numberReady int32; "
            + "5 observedGeneration int64; 6 updatedNumberScheduled int32; 7 numberAvailable int32; 8 numberUnavailable int32; 9 collisionCount int32?; "
            + "10 conditions []DaemonSetCondition"),
        M("DaemonSetCondition", "1 type string; 2 status string; 3 lastTransitionTime Time; 4 reason string; 5 message string"),

        M("ControllerRevision", "1 metadata ObjectMeta; 2 data RawExtension; 3 revision int64"),
    ];
}
