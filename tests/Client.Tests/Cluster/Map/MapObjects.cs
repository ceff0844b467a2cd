using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Map;

/// <summary>Services and labelled pods for the cluster map's tests.</summary>
public static class MapObjects
{
    public static Service Service(string name, Dictionary<string, string>? selector, string ns = "default", string ip = "10.96.0.20", int port = 80) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, CreationTimestamp = T0 },
        Spec = new ServiceSpec
        {
            Type = "ClusterIP",
            ClusterIP = ip,
            ClusterIPs = [ip],
            Selector = selector,
            Ports = [new ServicePort { Port = port, Protocol = "TCP", TargetPort = port }],
        },
    };

    public static Pod App(string name, string app, string? node, Action<Pod>? shape = null, string ns = "default") =>
        Pod(name, node, p =>
        {
            p.Metadata.Namespace = ns;
            p.Metadata.Labels = new() { ["app"] = app };
            shape?.Invoke(p);
        });

    /// <summary>Running, but its readiness probe fails: the kubelet reports the container not ready.</summary>
    public static void RunningNotReady(Pod pod)
    {
        Running(pod);
        pod.Status!.Conditions![0].Status = "False";
        pod.Status.ContainerStatuses![0].Ready = false;
    }
}
