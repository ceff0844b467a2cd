namespace Playground.Client.Cluster.Map;

/// <summary>The parts of the cluster the map draws, each a place where writes come from.</summary>
public enum MapComponent
{
    /// <summary>A person or tool talking to the API server from outside: kubectl, real clients, the playground's fault buttons, kubeadm's bootstrap.</summary>
    Clients,
    /// <summary>The API server's own writes (events it records, quota status).</summary>
    ApiServer,
    Scheduler,
    ControllerManager,
    /// <summary>One node's kubelet; <see cref="MapActor.Node"/> names the node.</summary>
    Kubelet,
    /// <summary>Add-ons running as pods: ingress and load-balancer controllers, the storage provisioner.</summary>
    Addons,
    Other,
}

/// <summary>Where on the map a write's actor sits.</summary>
public readonly record struct MapActor(MapComponent Component, string? Node = null);

/// <summary>Maps the actor recorded on every write ("deployment-controller", "kubelet/node-2", …) to the component the map draws.</summary>
public static class ActorMap
{
    private const string KubeletPrefix = "kubelet/";

    /// <summary>Controllers that run as add-on pods, though their names end in "-controller" like kube-controller-manager's.</summary>
    private static readonly HashSet<string> AddonActors = ["nginx-ingress-controller", "metallb-controller", "local-path-provisioner"];

    /// <summary>kube-controller-manager's controllers whose names do not end in "-controller".</summary>
    private static readonly HashSet<string> OtherControllers = ["garbage-collector", "pod-garbage-collector", "horizontal-pod-autoscaler"];

    private static readonly HashSet<string> ClientActors = ["kubectl", "playground", "kubeadm"];

    public static MapActor Of(string actor)
    {
        if (actor.StartsWith(KubeletPrefix, StringComparison.Ordinal)) return new(MapComponent.Kubelet, actor[KubeletPrefix.Length..]);
        if (ClientActors.Contains(actor)) return new(MapComponent.Clients);
        if (AddonActors.Contains(actor)) return new(MapComponent.Addons);
        return actor switch
        {
            "kube-apiserver" => new(MapComponent.ApiServer),
            "default-scheduler" => new(MapComponent.Scheduler),
            _ when actor.EndsWith("-controller", StringComparison.Ordinal) || OtherControllers.Contains(actor) => new(MapComponent.ControllerManager),
            _ => new(MapComponent.Other),
        };
    }
}
