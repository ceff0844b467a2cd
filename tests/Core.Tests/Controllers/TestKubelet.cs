using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Controllers;

/// <summary>
/// Reports pods Running and Ready through the status subresource, as a kubelet does, for clusters without nodes
/// (so no scheduler or kubelet of the simulation touches these pods). Writes as "kubelet/test".
/// </summary>
internal static class TestKubelet
{
    public static readonly WriteContext Context = new("kubelet/test");

    /// <summary>Marks every live pod of the app that is not ready yet; returns how many.</summary>
    public static int MarkAllReady(SimulatedCluster cluster, string app)
    {
        var pending = Workloads.Pods(cluster, app).Where(p => !PodReadiness.IsReady(p) && p.Metadata.DeletionTimestamp is null).ToList();
        foreach (var pod in pending) MarkReady(cluster, pod);
        Workloads.Settle(cluster);
        return pending.Count;
    }

    public static void MarkReady(SimulatedCluster cluster, Pod pod, string? ip = null)
    {
        var now = cluster.Clock.Now;
        ip ??= pod.Status?.PodIP ?? NextIp(cluster);
        pod.Status = new PodStatus
        {
            Phase = "Running",
            PodIP = ip,
            PodIPs = [new PodIP { Ip = ip }],
            StartTime = pod.Status?.StartTime ?? now,
            QosClass = pod.Status?.QosClass,
            Conditions =
            [
                new Condition { Type = "Initialized", Status = "True", LastTransitionTime = now },
                new Condition { Type = "Ready", Status = "True", LastTransitionTime = now },
                new Condition { Type = "ContainersReady", Status = "True", LastTransitionTime = now },
            ],
        };
        cluster.Api.UpdateStatus(pod, Context);
    }

    /// <summary>
    /// Creates pods app-0, app-1, ... labelled app=<paramref name="app"/>, Running and Ready at 10.244.x.y, without running
    /// the loop in between (one burst of writes, as many kubelets reporting at once).
    /// </summary>
    public static List<Pod> CreateReadyPods(SimulatedCluster cluster, string app, int count, int first = 0)
    {
        var pods = new List<Pod>();
        for (var i = first; i < first + count; i++)
        {
            var pod = cluster.Api.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = $"{app}-{i}", Namespace = "default", Labels = new() { ["app"] = app } },
                Spec = new PodSpec { Containers = [new Container { Name = app, Image = "nginx", Ports = [new ContainerPort { Name = "http", Number = 8080 }] }] },
            }, WriteContext.Kubectl);
            MarkReady(cluster, pod, $"10.244.{i / 250}.{i % 250 + 2}");
            pods.Add(cluster.Api.Get<Pod>("default", pod.Metadata.Name!));
        }
        return pods;
    }

    /// <summary>Running with an IP but not (or no longer) ready, as after a failing readiness probe.</summary>
    public static void MarkNotReady(SimulatedCluster cluster, Pod pod)
    {
        var now = cluster.Clock.Now;
        var ip = pod.Status?.PodIP ?? NextIp(cluster);
        pod.Status = new PodStatus
        {
            Phase = "Running",
            PodIP = ip,
            PodIPs = [new PodIP { Ip = ip }],
            QosClass = pod.Status?.QosClass,
            Conditions = [new Condition { Type = "Ready", Status = "False", LastTransitionTime = now }],
        };
        cluster.Api.UpdateStatus(pod, Context);
    }

    private static string NextIp(SimulatedCluster cluster)
    {
        var used = cluster.Api.List<Pod>().Select(p => p.Status?.PodIP).OfType<string>()
            .Select(ip => int.Parse(ip.Split('.')[3])).DefaultIfEmpty(1).Max();
        return $"10.244.0.{used + 1}";
    }
}
