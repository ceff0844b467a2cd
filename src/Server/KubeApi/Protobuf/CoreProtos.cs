namespace Playground.Server.KubeApi.Protobuf;

/// <summary>
/// k8s.io/api/core/v1 messages with field numbers from its generated.proto: the kinds we serve and everything a pod template holds.
/// Cloud-vendor volume sources and Node/PersistentVolume internals are left out; a body that uses them gets a 400 naming the field.
/// </summary>
internal static class CoreProtos
{
    private static ProtoMessage M(string name, string fields) => ProtoSchema.Message("core", name, fields);

    public static readonly ProtoMessage[] All =
    [
        // Kinds.
        M("Pod", "1 metadata ObjectMeta; 2 spec PodSpec; 3 status PodStatus"),
        M("Service", "1 metadata ObjectMeta; 2 spec ServiceSpec; 3 status ServiceStatus"),
        M("ConfigMap", "1 metadata ObjectMeta; 4 immutable bool?; 2 data map:string; 3 binaryData map:bytes"),
        M("Secret", "1 metadata ObjectMeta; 5 immutable bool?; 2 data map:bytes; 4 stringData map:string; 3 type string"),
        M("Namespace", "1 metadata ObjectMeta; 2 spec NamespaceSpec; 3 status NamespaceStatus"),
        M("ServiceAccount", "1 metadata ObjectMeta; 2 secrets []ObjectReference; 3 imagePullSecrets []LocalObjectReference; 4 automountServiceAccountToken bool?"),
        M("PersistentVolumeClaim", "1 metadata ObjectMeta; 2 spec PersistentVolumeClaimSpec; 3 status PersistentVolumeClaimStatus"),
        M("ResourceQuota", "1 metadata ObjectMeta; 2 spec ResourceQuotaSpec; 3 status ResourceQuotaStatus"),
        M("LimitRange", "1 metadata ObjectMeta; 2 spec LimitRangeSpec"),
        M("Binding", "1 metadata ObjectMeta; 2 target ObjectReference"),

        // Pods and their templates.
        M("PodTemplateSpec", "1 metadata ObjectMeta; 2 spec PodSpec"),
        M("PodSpec", "1 volumes []Volume; 20 initContainers []Container; 2 containers []Container; 34 ephemeralContainers []EphemeralContainer; "
            + "3 restartPolicy string; 4 terminationGracePeriodSeconds int64?; 5 activeDeadlineSeconds int64?; 6 dnsPolicy string; "
            + "7 nodeSelector map:string; 8 serviceAccountName string; 9 serviceAccount string; 21 automountServiceAccountToken bool?; "
            + "10 nodeName string; 11 hostNetwork bool; 12 hostPID bool; 13 hostIPC bool; 27 shareProcessNamespace bool?; "
            + "14 securityContext PodSecurityContext; 15 imagePullSecrets []LocalObjectReference; 16 hostname string; 17 subdomain string; "
            + "18 affinity Affinity; 19 schedulerName string; 22 tolerations []Toleration; 23 hostAliases []HostAlias; "
            + "24 priorityClassName string; 25 priority int32?; 26 dnsConfig PodDNSConfig; 28 readinessGates []PodReadinessGate; "
            + "29 runtimeClassName string?; 30 enableServiceLinks bool?; 31 preemptionPolicy string?; 32 overhead map:Quantity; "
            + "33 topologySpreadConstraints []TopologySpreadConstraint; 35 setHostnameAsFQDN bool?; 36 os PodOS; 37 hostUsers bool?; "
            + "38 schedulingGates []PodSchedulingGate; 39 resourceClaims []PodResourceClaim; 40 resources ResourceRequirements; "
            + "41 hostnameOverride string?"),
        M("Container", "1 name string; 2 image string; 3 command []string; 4 args []string; 5 workingDir string; 6 ports []ContainerPort; "
            + "19 envFrom []EnvFromSource; 7 env []EnvVar; 8 resources ResourceRequirements; 23 resizePolicy []ContainerResizePolicy; "
            + "24 restartPolicy string?; 9 volumeMounts []VolumeMount; 21 volumeDevices []VolumeDevice; 10 livenessProbe Probe; "
            + "11 readinessProbe Probe; 22 startupProbe Probe; 12 lifecycle Lifecycle; 13 terminationMessagePath string; "
            + "20 terminationMessagePolicy string; 14 imagePullPolicy string; 15 securityContext SecurityContext; 16 stdin bool; "
            + "17 stdinOnce bool; 18 tty bool"),
        M("EphemeralContainer", "1 - EphemeralContainerCommon; 2 targetContainerName string"),
        M("EphemeralContainerCommon", "1 name string; 2 image string; 3 command []string; 4 args []string; 5 workingDir string; "
            + "6 ports []ContainerPort; 19 envFrom []EnvFromSource; 7 env []EnvVar; 8 resources ResourceRequirements; "
            + "23 resizePolicy []ContainerResizePolicy; 24 restartPolicy string?; 9 volumeMounts []VolumeMount; 21 volumeDevices []VolumeDevice; "
            + "10 livenessProbe Probe; 11 readinessProbe Probe; 22 startupProbe Probe; 12 lifecycle Lifecycle; 13 terminationMessagePath string; "
            + "20 terminationMessagePolicy string; 14 imagePullPolicy string; 15 securityContext SecurityContext; 16 stdin bool; "
            + "17 stdinOnce bool; 18 tty bool"),
        M("ContainerPort", "1 name string; 2 hostPort int32; 3 containerPort int32; 4 protocol string; 5 hostIP string"),
        M("ContainerResizePolicy", "1 resourceName string; 2 restartPolicy string"),
        M("EnvVar", "1 name string; 2 value string; 3 valueFrom EnvVarSource"),
        M("EnvVarSource", "1 fieldRef ObjectFieldSelector; 2 resourceFieldRef ResourceFieldSelector; 3 configMapKeyRef ConfigMapKeySelector; 4 secretKeyRef SecretKeySelector"),
        M("EnvFromSource", "1 prefix string; 2 configMapRef ConfigMapEnvSource; 3 secretRef SecretEnvSource"),
        M("ConfigMapEnvSource", "1 - LocalObjectReference; 2 optional bool?"),
        M("SecretEnvSource", "1 - LocalObjectReference; 2 optional bool?"),
        M("ConfigMapKeySelector", "1 - LocalObjectReference; 2 key string; 3 optional bool?"),
        M("SecretKeySelector", "1 - LocalObjectReference; 2 key string; 3 optional bool?"),
        M("ObjectFieldSelector", "1 apiVersion string; 2 fieldPath string"),
        M("ResourceFieldSelector", "1 containerName string; 2 resource string; 3 divisor Quantity"),
        M("ResourceRequirements", "1 limits map:Quantity; 2 requests map:Quantity; 3 claims []ResourceClaim"),
        M("ResourceClaim", "1 name string; 2 request string"),
        M("VolumeMount", "1 name string; 2 readOnly bool; 7 recursiveReadOnly string?; 3 mountPath string; 4 subPath string; 5 mountPropagation string?; 6 subPathExpr string"),
        M("VolumeDevice", "1 name string; 2 devicePath string"),
        M("Probe", "1 - ProbeHandler; 2 initialDelaySeconds int32; 3 timeoutSeconds int32; 4 periodSeconds int32; 5 successThreshold int32; "
            + "6 failureThreshold int32; 7 terminationGracePeriodSeconds int64?"),
        M("ProbeHandler", "1 exec ExecAction; 2 httpGet HTTPGetAction; 3 tcpSocket TCPSocketAction; 4 grpc GRPCAction"),
        M("Lifecycle", "1 postStart LifecycleHandler; 2 preStop LifecycleHandler; 3 stopSignal string?"),
        M("LifecycleHandler", "1 exec ExecAction; 2 httpGet HTTPGetAction; 3 tcpSocket TCPSocketAction; 4 sleep SleepAction"),
        M("ExecAction", "1 command []string"),
        M("HTTPGetAction", "1 path string; 2 port IntOrString; 3 host string; 4 scheme string; 5 httpHeaders []HTTPHeader"),
        M("HTTPHeader", "1 name string; 2 value string"),
        M("TCPSocketAction", "1 port IntOrString; 2 host string"),
        M("GRPCAction", "1 port int32; 2 service string?"),
        M("SleepAction", "1 seconds int64"),
        M("SecurityContext", "1 capabilities Capabilities; 2 privileged bool?; 3 seLinuxOptions SELinuxOptions; 10 windowsOptions WindowsSecurityContextOptions; "
            + "4 runAsUser int64?; 8 runAsGroup int64?; 5 runAsNonRoot bool?; 6 readOnlyRootFilesystem bool?; 7 allowPrivilegeEscalation bool?; "
            + "9 procMount string?; 11 seccompProfile SeccompProfile; 12 appArmorProfile AppArmorProfile"),
        M("PodSecurityContext", "1 seLinuxOptions SELinuxOptions; 8 windowsOptions WindowsSecurityContextOptions; 2 runAsUser int64?; 6 runAsGroup int64?; "
            + "3 runAsNonRoot bool?; 4 supplementalGroups []int64; 12 supplementalGroupsPolicy string?; 5 fsGroup int64?; 7 sysctls []Sysctl; "
            + "9 fsGroupChangePolicy string?; 10 seccompProfile SeccompProfile; 11 appArmorProfile AppArmorProfile; 13 seLinuxChangePolicy string?"),
        M("Capabilities", "1 add []string; 2 drop []string"),
        M("SELinuxOptions", "1 user string; 2 role string; 3 type string; 4 level string"),
        M("WindowsSecurityContextOptions", "1 gmsaCredentialSpecName string?; 2 gmsaCredentialSpec string?; 3 runAsUserName string?; 4 hostProcess bool?"),
        M("SeccompProfile", "1 type string; 2 localhostProfile string?"),
        M("AppArmorProfile", "1 type string; 2 localhostProfile string?"),
        M("Sysctl", "1 name string; 2 value string"),
        M("Affinity", "1 nodeAffinity NodeAffinity; 2 podAffinity PodAffinity; 3 podAntiAffinity PodAntiAffinity"),
        M("NodeAffinity", "1 requiredDuringSchedulingIgnoredDuringExecution NodeSelector; 2 preferredDuringSchedulingIgnoredDuringExecution []PreferredSchedulingTerm"),
        M("NodeSelector", "1 nodeSelectorTerms []NodeSelectorTerm"),
        M("NodeSelectorTerm", "1 matchExpressions []NodeSelectorRequirement; 2 matchFields []NodeSelectorRequirement"),
        M("NodeSelectorRequirement", "1 key string; 2 operator string; 3 values []string"),
        M("PreferredSchedulingTerm", "1 weight int32; 2 preference NodeSelectorTerm"),
        M("PodAffinity", "1 requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm; 2 preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm"),
        M("PodAntiAffinity", "1 requiredDuringSchedulingIgnoredDuringExecution []PodAffinityTerm; 2 preferredDuringSchedulingIgnoredDuringExecution []WeightedPodAffinityTerm"),
        M("PodAffinityTerm", "1 labelSelector LabelSelector; 2 namespaces []string; 3 topologyKey string; 4 namespaceSelector LabelSelector; "
            + "5 matchLabelKeys []string; 6 mismatchLabelKeys []string"),
        M("WeightedPodAffinityTerm", "1 weight int32; 2 podAffinityTerm PodAffinityTerm"),
        M("Toleration", "1 key string; 2 operator string; 3 value string; 4 effect string; 5 tolerationSeconds int64?"),
        M("HostAlias", "1 ip string; 2 hostnames []string"),
        M("PodDNSConfig", "1 nameservers []string; 2 searches []string; 3 options []PodDNSConfigOption"),
        M("PodDNSConfigOption", "1 name string; 2 value string?"),
        M("PodReadinessGate", "1 conditionType string"),
        M("TopologySpreadConstraint", "1 maxSkew int32; 2 topologyKey string; 3 whenUnsatisfiable string; 4 labelSelector LabelSelector; "
            + "5 minDomains int32?; 6 nodeAffinityPolicy string?; 7 nodeTaintsPolicy string?; 8 matchLabelKeys []string"),
        M("PodOS", "1 name string"),
        M("PodSchedulingGate", "1 name string"),
        M("PodResourceClaim", "1 name string; 3 resourceClaimName string?; 4 resourceClaimTemplateName string?"),
        M("LocalObjectReference", "1 name string"),

        // Volumes.
        M("Volume", "1 name string; 2 - VolumeSource"),
        M("VolumeSource", "1 hostPath HostPathVolumeSource; 2 emptyDir EmptyDirVolumeSource; 6 secret SecretVolumeSource; 7 nfs NFSVolumeSource; "
            + "10 persistentVolumeClaim PersistentVolumeClaimVolumeSource; 16 downwardAPI DownwardAPIVolumeSource; 19 configMap ConfigMapVolumeSource; "
            + "26 projected ProjectedVolumeSource; 28 csi CSIVolumeSource; 29 ephemeral EphemeralVolumeSource; 30 image ImageVolumeSource"),
        M("HostPathVolumeSource", "1 path string; 2 type string?"),
        M("EmptyDirVolumeSource", "1 medium string; 2 sizeLimit Quantity"),
        M("SecretVolumeSource", "1 secretName string; 2 items []KeyToPath; 3 defaultMode int32?; 4 optional bool?"),
        M("ConfigMapVolumeSource", "1 - LocalObjectReference; 2 items []KeyToPath; 3 defaultMode int32?; 4 optional bool?"),
        M("NFSVolumeSource", "1 server string; 2 path string; 3 readOnly bool"),
        M("PersistentVolumeClaimVolumeSource", "1 claimName string; 2 readOnly bool"),
        M("DownwardAPIVolumeSource", "1 items []DownwardAPIVolumeFile; 2 defaultMode int32?"),
        M("DownwardAPIVolumeFile", "1 path string; 2 fieldRef ObjectFieldSelector; 3 resourceFieldRef ResourceFieldSelector; 4 mode int32?"),
        M("ProjectedVolumeSource", "1 sources []VolumeProjection; 2 defaultMode int32?"),
        M("VolumeProjection", "1 secret SecretProjection; 2 downwardAPI DownwardAPIProjection; 3 configMap ConfigMapProjection; 4 serviceAccountToken ServiceAccountTokenProjection"),
        M("SecretProjection", "1 - LocalObjectReference; 2 items []KeyToPath; 4 optional bool?"),
        M("ConfigMapProjection", "1 - LocalObjectReference; 2 items []KeyToPath; 4 optional bool?"),
        M("DownwardAPIProjection", "1 items []DownwardAPIVolumeFile"),
        M("ServiceAccountTokenProjection", "1 audience string; 2 expirationSeconds int64?; 3 path string"),
        M("KeyToPath", "1 key string; 2 path string; 3 mode int32?"),
        M("CSIVolumeSource", "1 driver string; 2 readOnly bool?; 3 fsType string?; 4 volumeAttributes map:string; 5 nodePublishSecretRef LocalObjectReference"),
        M("EphemeralVolumeSource", "1 volumeClaimTemplate PersistentVolumeClaimTemplate"),
        M("PersistentVolumeClaimTemplate", "1 metadata ObjectMeta; 2 spec PersistentVolumeClaimSpec"),
        M("ImageVolumeSource", "1 reference string; 2 pullPolicy string"),

        // Pod status, as a client may send it back on an update.
        M("PodStatus", "17 observedGeneration int64; 1 phase string; 2 conditions []PodCondition; 3 message string; 4 reason string; 11 nominatedNodeName string; "
            + "5 hostIP string; 16 hostIPs []HostIP; 6 podIP string; 12 podIPs []PodIP; 7 startTime Time; 10 initContainerStatuses []ContainerStatus; "
            + "8 containerStatuses []ContainerStatus; 9 qosClass string; 13 ephemeralContainerStatuses []ContainerStatus; 14 resize string"),
        M("PodCondition", "1 type string; 7 observedGeneration int64; 2 status string; 3 lastProbeTime Time; 4 lastTransitionTime Time; 5 reason string; 6 message string"),
        M("HostIP", "1 ip string"),
        M("PodIP", "1 ip string"),
        M("ContainerStatus", "1 name string; 2 state ContainerState; 3 lastState ContainerState; 4 ready bool; 5 restartCount int32; 6 image string; "
            + "7 imageID string; 8 containerID string; 9 started bool?; 10 allocatedResources map:Quantity; 11 resources ResourceRequirements; 15 stopSignal string?"),
        M("ContainerState", "1 waiting ContainerStateWaiting; 2 running ContainerStateRunning; 3 terminated ContainerStateTerminated"),
        M("ContainerStateWaiting", "1 reason string; 2 message string"),
        M("ContainerStateRunning", "1 startedAt Time"),
        M("ContainerStateTerminated", "1 exitCode int32; 2 signal int32; 3 reason string; 4 message string; 5 startedAt Time; 6 finishedAt Time; 7 containerID string"),

        // Services.
        M("ServiceSpec", "1 ports []ServicePort; 2 selector map:string; 3 clusterIP string; 18 clusterIPs []string; 4 type string; 5 externalIPs []string; "
            + "7 sessionAffinity string; 8 loadBalancerIP string; 9 loadBalancerSourceRanges []string; 10 externalName string; "
            + "11 externalTrafficPolicy string; 12 healthCheckNodePort int32; 13 publishNotReadyAddresses bool; "
            + "14 sessionAffinityConfig SessionAffinityConfig; 19 ipFamilies []string; 17 ipFamilyPolicy string?; "
            + "20 allocateLoadBalancerNodePorts bool?; 21 loadBalancerClass string?; 22 internalTrafficPolicy string?; 23 trafficDistribution string?"),
        M("ServicePort", "1 name string; 2 protocol string; 6 appProtocol string?; 3 port int32; 4 targetPort IntOrString; 5 nodePort int32"),
        M("SessionAffinityConfig", "1 clientIP ClientIPConfig"),
        M("ClientIPConfig", "1 timeoutSeconds int32?"),
        M("ServiceStatus", "1 loadBalancer LoadBalancerStatus; 2 conditions []Condition"),
        M("LoadBalancerStatus", "1 ingress []LoadBalancerIngress"),
        M("LoadBalancerIngress", "1 ip string; 2 hostname string; 3 ipMode string?; 4 ports []PortStatus"),
        M("PortStatus", "1 port int32; 2 protocol string; 3 error string?"),

        // Namespaces, references, claims, quotas and limits.
        M("NamespaceSpec", "1 finalizers []string"),
        M("NamespaceStatus", "1 phase string; 2 conditions []NamespaceCondition"),
        M("NamespaceCondition", "1 type string; 2 status string; 4 lastTransitionTime Time; 5 reason string; 6 message string"),
        M("ObjectReference", "1 kind string; 2 namespace string; 3 name string; 4 uid string; 5 apiVersion string; 6 resourceVersion string; 7 fieldPath string"),
        M("TypedLocalObjectReference", "1 apiGroup string?; 2 kind string; 3 name string"),
        M("TypedObjectReference", "1 apiGroup string?; 2 kind string; 3 name string; 4 namespace string?"),
        M("PersistentVolumeClaimSpec", "1 accessModes []string; 4 selector LabelSelector; 2 resources VolumeResourceRequirements; 3 volumeName string; "
            + "5 storageClassName string?; 6 volumeMode string?; 7 dataSource TypedLocalObjectReference; 8 dataSourceRef TypedObjectReference; "
            + "9 volumeAttributesClassName string?"),
        M("VolumeResourceRequirements", "1 limits map:Quantity; 2 requests map:Quantity"),
        M("PersistentVolumeClaimStatus", "1 phase string; 2 accessModes []string; 3 capacity map:Quantity; 4 conditions []PersistentVolumeClaimCondition; "
            + "5 allocatedResources map:Quantity; 7 allocatedResourceStatuses map:string; 8 currentVolumeAttributesClassName string?"),
        M("PersistentVolumeClaimCondition", "1 type string; 2 status string; 3 lastProbeTime Time; 4 lastTransitionTime Time; 5 reason string; 6 message string"),
        M("ResourceQuotaSpec", "1 hard map:Quantity; 2 scopes []string; 3 scopeSelector ScopeSelector"),
        M("ScopeSelector", "1 matchExpressions []ScopedResourceSelectorRequirement"),
        M("ScopedResourceSelectorRequirement", "1 scopeName string; 2 operator string; 3 values []string"),
        M("ResourceQuotaStatus", "1 hard map:Quantity; 2 used map:Quantity"),
        M("LimitRangeSpec", "1 limits []LimitRangeItem"),
        M("LimitRangeItem", "1 type string; 2 max map:Quantity; 3 min map:Quantity; 4 default map:Quantity; 5 defaultRequest map:Quantity; 6 maxLimitRequestRatio map:Quantity"),
    ];
}
