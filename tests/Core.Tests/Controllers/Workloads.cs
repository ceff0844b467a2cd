using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Controllers;

/// <summary>Small workload manifests for controller tests, written as kubectl would write them.</summary>
internal static class Workloads
{
    public static PodTemplateSpec Template(string app, string image, int? containerPort = null) => new()
    {
        Metadata = new ObjectMeta { Labels = new() { ["app"] = app } },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = app,
                    Image = image,
                    Ports = containerPort is int port ? [new ContainerPort { Name = "http", Number = port }] : null,
                },
            ],
        },
    };

    public static Deployment Deployment(string name, int replicas, string image, Action<DeploymentSpec>? configure = null)
    {
        var deployment = new Deployment
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = new LabelSelector { MatchLabels = new() { ["app"] = name } },
                Template = Template(name, image),
            },
        };
        configure?.Invoke(deployment.Spec);
        return deployment;
    }

    public static ReplicaSet ReplicaSet(string name, int replicas, string image, int? minReadySeconds = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new ReplicaSetSpec
        {
            Replicas = replicas,
            MinReadySeconds = minReadySeconds,
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = name } },
            Template = Template(name, image),
        },
    };

    public static T Apply<T>(SimulatedCluster cluster, T obj) where T : KubeObject
    {
        var created = cluster.Api.Create(obj, WriteContext.Kubectl);
        Settle(cluster);
        return created;
    }

    /// <summary>Edits an object as kubectl edit would (read, change, write back), then lets the control plane react.</summary>
    public static T Edit<T>(SimulatedCluster cluster, string name, Action<T> change) where T : KubeObject
    {
        var obj = cluster.Api.Get<T>("default", name);
        change(obj);
        var written = cluster.Api.Update(obj, WriteContext.Kubectl);
        Settle(cluster);
        return written;
    }

    /// <summary>Does the work the last writes caused, letting at most a second of virtual time pass (scheduler back-offs and the like).</summary>
    public static void Settle(SimulatedCluster cluster) => cluster.RunUntilIdle(TimeSpan.FromSeconds(1));

    public static List<Pod> Pods(SimulatedCluster cluster, string app) =>
        [.. cluster.Api.List<Pod>("default", $"app={app}").OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)];

    public static List<ReplicaSet> ReplicaSets(SimulatedCluster cluster, string app) =>
        [.. cluster.Api.List<ReplicaSet>("default", $"app={app}").OrderBy(rs => rs.Metadata.CreationTimestamp).ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal)];

    public static List<Event> Events(SimulatedCluster cluster, string involvedName, string? reason = null) =>
        [.. cluster.Api.List<Event>("default")
            .Where(e => e.InvolvedObject.Name == involvedName && (reason is null || e.Reason == reason))
            .OrderBy(e => long.Parse(e.Metadata.ResourceVersion!))];
}
