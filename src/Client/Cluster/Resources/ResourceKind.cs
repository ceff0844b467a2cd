namespace Playground.Client.Cluster.Resources;

/// <summary>A kind the resource browser lists: its tab title and icon, and the name kubectl takes for it.</summary>
public sealed record ResourceKind(string Kind, string Title, string Resource, string Icon, bool Namespaced = true)
{
    /// <summary>The browser's kinds in the order of its list: workloads, then networking, configuration and storage, then nodes.</summary>
    public static readonly IReadOnlyList<ResourceKind> All =
    [
        new("Pod", "Pods", "pod", "bi-box"),
        new("Deployment", "Deployments", "deployment", "bi-layers"),
        new("ReplicaSet", "ReplicaSets", "replicaset", "bi-stack"),
        new("StatefulSet", "StatefulSets", "statefulset", "bi-database"),
        new("DaemonSet", "DaemonSets", "daemonset", "bi-grid-3x3"),
        new("Job", "Jobs", "job", "bi-check2-square"),
        new("CronJob", "CronJobs", "cronjob", "bi-alarm"),
        new("Service", "Services", "service", "bi-hdd-network"),
        new("Ingress", "Ingresses", "ingress", "bi-signpost-split"),
        new("ConfigMap", "ConfigMaps", "configmap", "bi-file-earmark-text"),
        new("Secret", "Secrets", "secret", "bi-key"),
        new("PersistentVolumeClaim", "PVCs", "persistentvolumeclaim", "bi-device-hdd"),
        new("HorizontalPodAutoscaler", "HPAs", "horizontalpodautoscaler", "bi-arrows-expand"),
        new("Node", "Nodes", "node", "bi-pc-display", Namespaced: false),
    ];

    public static ResourceKind? Find(string kind) => All.FirstOrDefault(k => k.Kind == kind);
}
