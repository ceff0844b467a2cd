using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Tests.Kubectl.Printers;

/// <summary>Hand-built objects for printer tests, at a fixed "now".</summary>
internal static class Objects
{
    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Ago(int seconds) => Now.AddSeconds(-seconds);

    public static Pod Pod(string name, int age, string phase, ContainerState? state = null, bool ready = false, int restarts = 0, ContainerState? last = null)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default", CreationTimestamp = Ago(age), Labels = new() { ["app"] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx:1.27" }] },
            Status = new PodStatus { Phase = phase },
        };
        if (state is not null)
            pod.Status.ContainerStatuses = [new ContainerStatus { Name = "nginx", Image = "nginx:1.27", State = state, Ready = ready, RestartCount = restarts, LastState = last }];
        return pod;
    }

    public static ContainerState Running(int startedAgo) => new() { Running = new ContainerStateRunning { StartedAt = Ago(startedAgo) } };

    public static ContainerState Waiting(string reason) => new() { Waiting = new ContainerStateWaiting { Reason = reason } };

    public static ContainerState Terminated(string reason, int exitCode, int finishedAgo) =>
        new() { Terminated = new ContainerStateTerminated { Reason = reason, ExitCode = exitCode, StartedAt = Ago(finishedAgo + 1), FinishedAt = Ago(finishedAgo) } };

    public static Deployment Deployment(string name, int replicas, int age) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", CreationTimestamp = Ago(age), Labels = new() { ["app"] = name } },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = name } },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new() { ["app"] = name } },
                Spec = new PodSpec { Containers = [new Container { Name = "nginx", Image = "nginx" }] },
            },
        },
        Status = new DeploymentStatus { Replicas = replicas, ReadyReplicas = replicas, UpdatedReplicas = replicas, AvailableReplicas = replicas },
    };
}
