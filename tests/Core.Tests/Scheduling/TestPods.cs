using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Scheduling;

/// <summary>Pods as a user would write them, created through the API as kubectl, and what happened to them since.</summary>
internal static class TestPods
{
    public static Pod Pod(string name, string image = "nginx", string? cpu = null, string? memory = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = new() { ["run"] = name } },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = name,
                    Image = image,
                    Resources = cpu is null && memory is null ? null : new ResourceRequirements
                    {
                        Requests = new[] { ("cpu", cpu), ("memory", memory) }.Where(r => r.Item2 is not null).ToDictionary(r => r.Item1, r => r.Item2!),
                    },
                },
            ],
        },
    };

    public static Pod Create(SimulatedCluster cluster, Pod pod)
    {
        var created = cluster.Api.Create(pod, WriteContext.Kubectl);
        cluster.RunPending();
        return created;
    }

    public static Pod Get(SimulatedCluster cluster, string name) => cluster.Api.Get<Pod>("default", name);

    /// <summary>The pod's events in the order they were first recorded.</summary>
    public static List<Event> Events(SimulatedCluster cluster, string pod)
    {
        var order = cluster.Store.History(0).Where(w => w.Type == WriteType.Added && w.Kind == "Event").Select(w => w.Key.Name).ToList();
        return cluster.Api.List<Event>("default")
            .Where(e => e.InvolvedObject.Name == pod)
            .OrderBy(e => order.IndexOf(e.Metadata.Name!))
            .ToList();
    }

    /// <summary>Every stored write of the pod, oldest first.</summary>
    public static List<WriteRecord> Writes(SimulatedCluster cluster, string pod) =>
        cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Name == pod).ToList();

    public static void Label(SimulatedCluster cluster, string node, string key, string value)
    {
        var current = cluster.Api.Get<Node>(null, node);
        (current.Metadata.Labels ??= [])[key] = value;
        cluster.Api.Update(current, WriteContext.Kubectl);
        cluster.RunPending();
    }

    public static void Taint(SimulatedCluster cluster, string node, string key, string value, string effect)
    {
        var current = cluster.Api.Get<Node>(null, node);
        (current.Spec.Taints ??= []).Add(new Taint { Key = key, Value = value, Effect = effect });
        cluster.Api.Update(current, WriteContext.Kubectl);
        cluster.RunPending();
    }

    public static void Cordon(SimulatedCluster cluster, string node)
    {
        var current = cluster.Api.Get<Node>(null, node);
        current.Spec.Unschedulable = true;
        cluster.Api.Update(current, WriteContext.Kubectl);
        cluster.RunPending();
    }

    public static ClusterState Snapshot(SimulatedCluster cluster) =>
        new(cluster.Clock.Now, cluster.Store.Revision, [.. cluster.Store.All()], cluster.Options, cluster.Store.History(0));
}
