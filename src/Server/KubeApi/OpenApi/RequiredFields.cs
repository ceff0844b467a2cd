namespace Playground.Server.KubeApi.OpenApi;

/// <summary>Fields the API refuses to go without (our validation requires them, and upstream's schemas mark them required), by model class.</summary>
public static class RequiredFields
{
    private static readonly Dictionary<string, string[]> ByType = new()
    {
        ["PodSpec"] = ["containers"],
        ["Container"] = ["name"],
        ["ContainerPort"] = ["containerPort"],
        ["EnvVar"] = ["name"],
        ["Volume"] = ["name"],
        ["VolumeMount"] = ["mountPath", "name"],
        ["DeploymentSpec"] = ["selector", "template"],
        ["ReplicaSetSpec"] = ["selector"],
        ["DaemonSetSpec"] = ["selector", "template"],
        ["StatefulSetSpec"] = ["selector", "template"],
        ["JobSpec"] = ["template"],
        ["CronJobSpec"] = ["jobTemplate", "schedule"],
        ["ServicePort"] = ["port"],
        ["LabelSelectorRequirement"] = ["key", "operator"],
        ["OwnerReference"] = ["apiVersion", "kind", "name", "uid"],
        ["CrossVersionObjectReference"] = ["kind", "name"],
        ["HorizontalPodAutoscalerSpec"] = ["maxReplicas", "scaleTargetRef"],
        ["StorageClass"] = ["provisioner"],
        ["Condition"] = ["status", "type"],
    };

    public static string[]? Of(Type type) => ByType.GetValueOrDefault(type.Name);
}
