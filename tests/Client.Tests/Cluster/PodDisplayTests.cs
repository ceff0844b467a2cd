using Playground.Client.Cluster;
using Playground.Core.Api.Core;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

/// <summary>The STATUS, READY and RESTARTS columns as kubectl get pods prints them.</summary>
public class PodDisplayTests
{
    [Fact]
    public void A_new_pod_without_status_is_Pending()
    {
        var display = PodDisplay.Of(new Pod { Spec = new PodSpec { Containers = [new Container { Name = "c" }] } });

        Assert.Equal(("Pending", PodCategory.Pending, "0/1"), (display.Status, display.Category, display.Ready));
    }

    [Fact]
    public void Waiting_and_running_containers_read_as_kubectl_prints_them()
    {
        Assert.Equal("ContainerCreating", PodDisplay.Of(Pod("a", "node-1", Creating)).Status);
        var running = PodDisplay.Of(Pod("b", "node-1", Running));
        Assert.Equal(("Running", "1/1", 0), (running.Status, running.Ready, running.Restarts));
        Assert.Equal("Completed", PodDisplay.Of(Pod("c", "node-1", Completed)).Status);
    }

    [Fact]
    public void A_pod_being_deleted_is_Terminating_until_it_has_finished()
    {
        Assert.Equal(PodCategory.Terminating, PodDisplay.Of(Pod("a", "node-1", Terminating)).Category);
        var finished = Pod("b", "node-1", Completed);
        finished.Metadata.DeletionTimestamp = T0;
        Assert.Equal("Completed", PodDisplay.Of(finished).Status);
    }

    [Fact]
    public void Image_pull_failures_and_crash_loops_are_failures_with_their_reason_and_restarts()
    {
        var pod = Pod("a", "node-1", p => p.Status = new PodStatus
        {
            Phase = "Running",
            ContainerStatuses = [new ContainerStatus { Name = "nginx", RestartCount = 4, State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" } } }],
        });

        var display = PodDisplay.Of(pod);

        Assert.Equal(("CrashLoopBackOff", PodCategory.Failed, 4), (display.Status, display.Category, display.Restarts));
    }

    [Fact]
    public void Init_containers_show_progress_then_their_failure()
    {
        var pod = Pod("a", "node-1", p =>
        {
            p.Spec.InitContainers = [new Container { Name = "setup" }, new Container { Name = "migrate" }];
            p.Status = new PodStatus
            {
                Phase = "Pending",
                InitContainerStatuses =
                [
                    new ContainerStatus { Name = "setup", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 0 } } },
                    new ContainerStatus { Name = "migrate", State = new ContainerState { Running = new ContainerStateRunning() } },
                ],
            };
        });
        Assert.Equal(("Init:1/2", PodCategory.Creating), (PodDisplay.Of(pod).Status, PodDisplay.Of(pod).Category));

        pod.Status!.InitContainerStatuses![1].State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 3 } };
        Assert.Equal(("Init:ExitCode:3", PodCategory.Failed), (PodDisplay.Of(pod).Status, PodDisplay.Of(pod).Category));
    }
}
