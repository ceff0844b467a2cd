using Playground.Core.Api.Core;
using Playground.Core.Simulation;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

public class RestartBackoffTests
{
    /// <summary>The docs' memory walkthrough (memory-request-limit-2.yaml): stress allocates 250M under a 100Mi limit.</summary>
    private const string MemoryDemo = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: memory-demo-2
        spec:
          containers:
          - name: memory-demo-2-ctr
            image: polinux/stress
            resources:
              requests:
                memory: "50Mi"
              limits:
                memory: "100Mi"
            command: ["stress"]
            args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
        """;

    [Fact]
    public void A_container_over_its_memory_limit_is_OOMKilled_and_restarted_with_a_doubling_back_off()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", MemoryDemo).ExitCode);
        cluster.Advance(TimeSpan.FromMinutes(20));

        var status = Get(cluster, "memory-demo-2").Status!.ContainerStatuses![0];
        var last = status.LastState!.Terminated!;
        Assert.Equal((137, "OOMKilled"), (last.ExitCode, last.Reason));
        // Each run ends within a second of its start; the gap before the next run is the back-off.
        var waits = Waits(cluster, "memory-demo-2");
        AssertWaits([0, 10, 20, 40, 80, 160, 300, 300], waits);
        Assert.Contains("OOMKilled", cluster.Kubectl("kubectl describe pod memory-demo-2").Output);
    }

    [Fact]
    public void A_container_within_its_limit_keeps_running()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", MemoryDemo.Replace("250M", "50M")).ExitCode);
        cluster.Advance(TimeSpan.FromMinutes(2));

        var status = Get(cluster, "memory-demo-2").Status!.ContainerStatuses![0];
        Assert.Equal((0, true), (status.RestartCount, status.State!.Running is not null));
        Assert.Equal("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n", cluster.Kubectl("kubectl logs memory-demo-2").Output);
    }

    [Fact]
    public void The_back_off_resets_once_a_container_ran_for_more_than_ten_minutes()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Crasher("short", "sleep 300; exit 1"));
        Create(cluster, Crasher("long", "sleep 660; exit 1"));
        cluster.Advance(TimeSpan.FromMinutes(40));

        // Five minutes of running is not enough: the back-off goes on 10 s, 20 s.
        AssertWaits([0, 10, 20], Waits(cluster, "short"));
        // Eleven minutes is: each exit comes more than ten minutes after the last, so each restart is immediate.
        AssertWaits([0, 0, 0], Waits(cluster, "long"));
        Assert.Equal(3, Get(cluster, "long").Status!.ContainerStatuses![0].RestartCount);
    }

    private static Pod Crasher(string name, string script)
    {
        var pod = Pod(name, image: "busybox");
        pod.Spec.Containers[0].Command = ["sh", "-c", script];
        return pod;
    }

    /// <summary>
    /// Each wait is the back-off plus under a second of image check, create and start; the status keeps the exit time
    /// in whole seconds, so the back-off may end up to a second early.
    /// </summary>
    private static void AssertWaits(int[] backoffs, List<TimeSpan> waits)
    {
        Assert.True(waits.Count >= backoffs.Length, $"only {waits.Count} restarts");
        for (var i = 0; i < backoffs.Length; i++) Assert.InRange(waits[i].TotalSeconds, backoffs[i] - 1, backoffs[i] + 1.5);
    }

    /// <summary>For each exit, how long until the container ran again, from the kubelet's writes.</summary>
    private static List<TimeSpan> Waits(SimulatedCluster cluster, string pod)
    {
        var waits = new List<TimeSpan>();
        DateTimeOffset? exited = null;
        foreach (var write in Writes(cluster, pod))
        {
            var state = ((Pod)write.Object).Status?.ContainerStatuses?[0].State;
            if (state?.Terminated is not null && exited is null) exited = write.Time;
            else if (state?.Running is not null && exited is not null)
            {
                waits.Add(write.Time - exited.Value);
                exited = null;
            }
        }
        return waits;
    }
}
