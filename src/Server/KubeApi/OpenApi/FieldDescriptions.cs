namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// Short descriptions, in the playground's own words, of the kinds and fields a learner meets first; kubectl explain
/// prints them. Fields not listed here are described as upstream's tools describe a missing text ("&lt;no description&gt;").
/// </summary>
public static class FieldDescriptions
{
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["Pod"] = "A Pod is one or more containers that are scheduled together onto a node and share its network and storage.",
        ["Deployment"] = "A Deployment keeps a number of identical Pods running through ReplicaSets, and rolls out changes to their template step by step.",
        ["ReplicaSet"] = "A ReplicaSet keeps a given number of Pods that match its selector running at all times.",
        ["StatefulSet"] = "A StatefulSet runs Pods with stable names and storage, created and updated one by one in order.",
        ["DaemonSet"] = "A DaemonSet runs one copy of a Pod on every node that matches it.",
        ["Job"] = "A Job runs Pods until a given number of them complete successfully.",
        ["CronJob"] = "A CronJob creates Jobs on a repeating schedule written in cron syntax.",
        ["Service"] = "A Service gives a set of Pods, chosen by a label selector, one stable virtual IP address and DNS name.",
        ["ConfigMap"] = "A ConfigMap holds configuration as key-value pairs that Pods can read as environment variables or files.",
        ["Secret"] = "A Secret holds small amounts of sensitive data, such as passwords or tokens, as base64-encoded values.",
        ["Namespace"] = "A Namespace groups objects under a common name so that names only need to be unique inside it.",
        ["Node"] = "A Node is a machine (here simulated) that runs Pods; its status reports capacity and health.",
        ["Event"] = "An Event records something that happened to an object, such as a Pod being scheduled or an image being pulled.",
        ["Endpoints"] = "Endpoints list the addresses of the ready Pods behind a Service.",
        ["HorizontalPodAutoscaler"] = "A HorizontalPodAutoscaler changes the replica count of a workload to keep a metric, such as CPU use, near a target.",
        ["Ingress"] = "An Ingress routes HTTP traffic from outside the cluster to Services, by host and path.",
        ["PersistentVolumeClaim"] = "A PersistentVolumeClaim is a request for storage that a Pod can mount.",
        ["PersistentVolume"] = "A PersistentVolume is a piece of storage in the cluster that a claim can bind to.",
        ["ServiceAccount"] = "A ServiceAccount is an identity for processes that run in Pods.",
    };

    /// <summary>By "OwnerClass.field" first, then by field name alone for fields that mean the same everywhere.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["apiVersion"] = "The version of the API schema this object is written in, such as \"v1\" or \"apps/v1\".",
        ["kind"] = "The type of this object, in CamelCase, such as \"Pod\" or \"Deployment\".",
        ["metadata"] = "Standard object metadata: name, namespace, labels, annotations and what the server records about the object.",
        ["spec"] = "The desired state of the object, as its owner wrote it.",
        ["status"] = "The most recently observed state of the object, written by the system; it may lag behind the spec.",
        ["Condition.type"] = "The kind of condition, such as Available or Ready.",
        ["Condition.status"] = "Whether the condition holds: True, False or Unknown.",
        ["ObjectMeta.name"] = "The object's name, unique among objects of its kind in its namespace.",
        ["ObjectMeta.namespace"] = "The namespace the object lives in; empty for cluster-wide kinds.",
        ["ObjectMeta.labels"] = "Key-value pairs used to select and group objects, for example by Services and ReplicaSets.",
        ["ObjectMeta.annotations"] = "Key-value pairs for tools and people; they are not used for selection.",
        ["ObjectMeta.resourceVersion"] = "An opaque value that changes on every write; updates must send the one they read.",
        ["ObjectMeta.uid"] = "A unique identifier the server gives the object when it is created.",
        ["ObjectMeta.ownerReferences"] = "The objects this object belongs to; when every owner is gone it is garbage-collected.",
        ["replicas"] = "The number of Pods wanted.",
        ["selector"] = "A label query that picks the Pods this object manages; it must match the labels of the Pod template.",
        ["template"] = "The Pod template: metadata and spec of the Pods that will be created.",
        ["DeploymentSpec.strategy"] = "How old Pods are replaced by new ones when the template changes.",
        ["DeploymentSpec.minReadySeconds"] = "How long a new Pod must be ready, without crashing, before it counts as available.",
        ["DeploymentSpec.revisionHistoryLimit"] = "How many old ReplicaSets are kept to allow a rollback.",
        ["DeploymentSpec.paused"] = "While true, changes to the template do not start a rollout.",
        ["DeploymentSpec.progressDeadlineSeconds"] = "How long a rollout may make no progress before the Deployment reports it as failed.",
        ["DeploymentStrategy.type"] = "\"RollingUpdate\" (the default) replaces Pods gradually; \"Recreate\" stops all old Pods before starting new ones.",
        ["DeploymentStrategy.rollingUpdate"] = "Limits for a rolling update; used only when type is RollingUpdate.",
        ["RollingUpdateDeployment.maxSurge"] = "How many Pods may exist above the wanted count during an update: a number or a percentage (default 25%).",
        ["RollingUpdateDeployment.maxUnavailable"] = "How many Pods may be unavailable during an update: a number or a percentage (default 25%).",
        ["PodSpec.containers"] = "The containers of the Pod; there must be at least one.",
        ["PodSpec.initContainers"] = "Containers that run to completion, one after another, before the main containers start.",
        ["PodSpec.nodeName"] = "The node the Pod runs on; set by the scheduler, or by hand to skip scheduling.",
        ["PodSpec.nodeSelector"] = "Labels a node must have for the Pod to be scheduled onto it.",
        ["PodSpec.restartPolicy"] = "When containers are restarted: Always (the default), OnFailure or Never.",
        ["PodSpec.volumes"] = "Volumes that containers of the Pod can mount.",
        ["PodSpec.tolerations"] = "Taints of nodes that this Pod tolerates.",
        ["PodSpec.affinity"] = "Rules that attract the Pod to, or keep it away from, certain nodes and Pods.",
        ["Container.name"] = "The container's name, unique within the Pod.",
        ["Container.image"] = "The container image to run, such as \"nginx:1.25\".",
        ["Container.command"] = "The entrypoint, replacing the image's; not run in a shell.",
        ["Container.args"] = "Arguments to the entrypoint.",
        ["Container.ports"] = "Ports the container listens on; informational, but names here can be used by Services.",
        ["Container.env"] = "Environment variables set in the container.",
        ["Container.resources"] = "CPU and memory the container requests (for scheduling) and may use at most (limits).",
        ["Container.imagePullPolicy"] = "When to pull the image: Always, IfNotPresent or Never.",
        ["Container.livenessProbe"] = "A check that restarts the container when it fails.",
        ["Container.readinessProbe"] = "A check that takes the Pod out of Service endpoints while it fails.",
        ["ContainerPort.containerPort"] = "The port number the container listens on.",
        ["ServiceSpec.type"] = "How the Service is exposed: ClusterIP (the default), NodePort, LoadBalancer or ExternalName.",
        ["ServiceSpec.ports"] = "The ports the Service exposes and the Pod ports they forward to.",
        ["ServiceSpec.selector"] = "Traffic goes to the Pods whose labels match these.",
        ["ServiceSpec.clusterIP"] = "The Service's virtual IP address, allocated by the cluster.",
        ["ServicePort.port"] = "The port the Service listens on.",
        ["ServicePort.targetPort"] = "The Pod port traffic is sent to: a number or a container port's name.",
        ["ConfigMap.data"] = "The configuration values, by key.",
        ["Secret.data"] = "The secret values, base64-encoded, by key.",
        ["LabelSelector.matchLabels"] = "Labels that must all be present with these values.",
        ["LabelSelector.matchExpressions"] = "Label requirements with operators In, NotIn, Exists and DoesNotExist; all must hold.",
    };

    public static string? OfKind(string kind) => Kinds.GetValueOrDefault(kind);

    public static string? Of(string owner, string field) =>
        Fields.GetValueOrDefault($"{owner}.{field}") ?? Fields.GetValueOrDefault(field);
}
