using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Client.Tests;

/// <summary>Small builders for the objects the workspace shows, shaped as the kubelet and scheduler leave them.</summary>
public static class ClusterObjects
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static Node Node(string name, bool ready = true) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Status = new NodeStatus
        {
            Capacity = new() { ["cpu"] = "2", ["memory"] = "4194304Ki" },
            Conditions = [new Condition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    public static Pod Pod(string name, string? node = null, Action<Pod>? shape = null)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default", Uid = Guid.NewGuid().ToString() },
            Spec = new PodSpec { NodeName = node, Containers = [new Container { Name = "nginx", Image = "nginx" }] },
            Status = new PodStatus { Phase = "Pending" },
        };
        shape?.Invoke(pod);
        return pod;
    }

    public static void Creating(Pod pod) => pod.Status = new PodStatus
    {
        Phase = "Pending",
        ContainerStatuses = [new ContainerStatus { Name = "nginx", State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } } }],
    };

    public static void Running(Pod pod) => pod.Status = new PodStatus
    {
        Phase = "Running",
        Conditions = [new Condition { Type = "Ready", Status = "True" }],
        ContainerStatuses = [new ContainerStatus { Name = "nginx", Ready = true, State = new ContainerState { Running = new ContainerStateRunning { StartedAt = T0 } } }],
    };

    public static void Completed(Pod pod) => pod.Status = new PodStatus
    {
        Phase = "Succeeded",
        ContainerStatuses = [new ContainerStatus { Name = "nginx", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 0, Reason = "Completed" } } }],
    };

    public static void Terminating(Pod pod)
    {
        Running(pod);
        pod.Metadata.DeletionTimestamp = T0;
    }

    public static Event Event(string name, string type, string reason, string kind, string objectName, string message, DateTimeOffset time, int count = 1) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        InvolvedObject = new ObjectReference { Kind = kind, Name = objectName, Namespace = "default" },
        Type = type,
        Reason = reason,
        Message = message,
        FirstTimestamp = time,
        LastTimestamp = time,
        Count = count,
    };
}
