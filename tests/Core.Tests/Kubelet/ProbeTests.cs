using Playground.Core.Api.Core;
using Playground.Core.Storage;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

public class ProbeTests
{
    /// <summary>The docs' liveness walkthrough (exec-liveness.yaml).</summary>
    private const string LivenessExec = """
        apiVersion: v1
        kind: Pod
        metadata:
          labels:
            test: liveness
          name: liveness-exec
        spec:
          containers:
          - name: liveness
            image: registry.k8s.io/busybox
            args:
            - /bin/sh
            - -c
            - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
            livenessProbe:
              exec:
                command:
                - cat
                - /tmp/healthy
              initialDelaySeconds: 5
              periodSeconds: 5
        """;

    [Fact]
    public void The_liveness_walkthrough_fails_three_probes_after_30_seconds_then_kills_and_restarts_the_container()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", LivenessExec).ExitCode);
        // Not RunUntilIdle: the container's `sleep 600` is work due in ten minutes.
        cluster.Advance(TimeSpan.FromSeconds(5));
        var started = RunningSince(cluster, "liveness-exec", restartCount: 0);

        cluster.Advance(TimeSpan.FromSeconds(27));
        Assert.DoesNotContain(Events(cluster, "liveness-exec"), e => e.Reason is "Unhealthy");

        cluster.Advance(TimeSpan.FromSeconds(18));
        var events = Events(cluster, "liveness-exec");
        var unhealthy = events.Single(e => e.Reason == "Unhealthy");
        Assert.Equal(("Warning", "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n", 3),
            (unhealthy.Type, unhealthy.Message, unhealthy.Count));
        Assert.Equal("spec.containers{liveness}", unhealthy.InvolvedObject.FieldPath);
        var killing = events.Single(e => e.Reason == "Killing");
        Assert.Equal(("Normal", "Container liveness failed liveness probe, will be restarted"), (killing.Type, killing.Message));
        var killedAt = EventTime(cluster, killing);
        // The file is gone after 30 s; three failures in a row, five seconds apart, make the verdict.
        Assert.InRange((killedAt - started).TotalSeconds, 30 + 2 * 5, 30 + 3 * 5 + 1);

        // sh as PID 1 ignores SIGTERM: it is killed when the 30 s grace period ends, exit 137, and restarted at once.
        cluster.Advance(TimeSpan.FromSeconds(35));
        var restarted = RunningSince(cluster, "liveness-exec", restartCount: 1);
        var status = Get(cluster, "liveness-exec").Status!.ContainerStatuses![0];
        Assert.Equal((137, "Error"), (status.LastState!.Terminated!.ExitCode, status.LastState.Terminated.Reason));
        Assert.InRange((restarted - killedAt).TotalSeconds, 30, 32);
        Assert.Contains("liveness-exec   1/1     Running   1 (", cluster.Kubectl("kubectl get pod liveness-exec").Output);
        Assert.Equal($"kubelet/{Get(cluster, "liveness-exec").Spec.NodeName}", Writes(cluster, "liveness-exec")[^1].Actor);
    }

    [Fact]
    public void A_readiness_probe_on_a_path_nginx_does_not_serve_fails_with_404_and_keeps_the_pod_out_of_its_endpoints()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx
                readinessProbe:
                  httpGet: {path: /healthz, port: 80}
                  periodSeconds: 5
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: good, labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx
                readinessProbe:
                  httpGet: {path: /, port: 80}
            """).ExitCode);
        cluster.RunUntilIdle();
        cluster.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("False", Get(cluster, "web").Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.Equal("True", Get(cluster, "good").Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        var failed = Events(cluster, "web").Last(e => e.Reason == "Unhealthy");
        Assert.Equal(("Warning", "Readiness probe failed: HTTP probe failed with statuscode: 404"), (failed.Type, failed.Message));
        Assert.True(failed.Count >= 5);
        var subset = Assert.Single(cluster.Api.Get<Endpoints>("default", "web").Subsets!);
        Assert.Equal([Get(cluster, "good").Status!.PodIP], subset.Addresses!.Select(a => a.Ip));
        Assert.Equal([Get(cluster, "web").Status!.PodIP], subset.NotReadyAddresses!.Select(a => a.Ip));
    }

    [Fact]
    public void Until_idle_waits_for_the_first_readiness_verdict_but_not_for_the_probes_after_it()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: nginx
                image: nginx
                readinessProbe:
                  httpGet: {port: 80}
                  initialDelaySeconds: 15
            """).ExitCode);

        Assert.True(cluster.RunUntilIdle(TimeSpan.FromMinutes(5)));

        var pod = Get(cluster, "web");
        Assert.Equal("True", pod.Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        var readyAt = Writes(cluster, "web").First(w => ((Pod)w.Object).Status?.ContainerStatuses?[0].Ready == true).Time;
        var started = RunningSince(cluster, "web", restartCount: 0);
        // Probes tick every 10 s from the pod's admission; the first one at least 15 s after the start succeeds.
        Assert.InRange((readyAt - started).TotalSeconds, 15, 26);
        Assert.Contains("    Readiness:      http-get http://:80/ delay=15s timeout=1s period=10s #success=1 #failure=3\n", cluster.Kubectl("kubectl describe pod web").Output);
    }

    [Fact]
    public void A_ready_pod_stays_ready_when_the_sandbox_is_restored()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: nginx
                image: nginx
                readinessProbe:
                  httpGet: {port: 80}
            """).ExitCode);
        cluster.Advance(TimeSpan.FromSeconds(20));
        Assert.True(Get(cluster, "web").Status!.ContainerStatuses![0].Ready);

        var restored = Playground.Core.Simulation.SimulatedCluster.Restore(Snapshot(cluster));
        var revision = restored.Store.Revision;
        restored.Advance(TimeSpan.FromSeconds(60));

        Assert.True(restored.Api.Get<Pod>("default", "web").Status!.ContainerStatuses![0].Ready);
        Assert.DoesNotContain(restored.Store.History(revision), w => w.Kind == "Pod");
    }

    [Fact]
    public void A_pod_turning_unready_leaves_the_endpoints_and_comes_back_when_it_is_ready_again()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Service
            metadata: {name: app}
            spec:
              selector: {app: app}
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: app, labels: {app: app}}
            spec:
              containers:
              - name: app
                image: busybox
                command: [sh, -c, "touch /tmp/ready; sleep 60; rm /tmp/ready; sleep 60; touch /tmp/ready; sleep 3600"]
                readinessProbe:
                  exec: {command: [cat, /tmp/ready]}
                  periodSeconds: 5
                  failureThreshold: 2
            """).ExitCode);
        cluster.Advance(TimeSpan.FromSeconds(10));
        var ip = Get(cluster, "app").Status!.PodIP!;
        Assert.Equal([ip], Ready(cluster));

        cluster.Advance(TimeSpan.FromSeconds(65));
        Assert.Empty(Ready(cluster));
        Assert.Equal("Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n", Events(cluster, "app").Single(e => e.Reason == "Unhealthy").Message);
        // Readiness never restarts a container.
        Assert.Equal(0, Get(cluster, "app").Status!.ContainerStatuses![0].RestartCount);

        cluster.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal([ip], Ready(cluster));
        // The kubelet flipped the Ready condition; the endpoints followed, each write caused by the kubelet's.
        var readiness = Writes(cluster, "app").Select(w => ((Pod)w.Object).Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status).OfType<string>();
        Assert.Equal(["False", "True", "False", "True"], Collapse(readiness));
        var unready = Writes(cluster, "app").First(w => w.Actor.StartsWith("kubelet/") && ((Pod)w.Object).Status!.ContainerStatuses![0].Ready == false
            && ((Pod)w.Object).Status!.ContainerStatuses![0].State!.Running is not null && w.Time > TestCluster.Start.AddSeconds(30));
        Assert.Contains(cluster.Store.History(0), w => w.Kind == "Endpoints" && w.Cause == unready.Revision);
    }

    [Fact]
    public void A_startup_probe_holds_liveness_and_readiness_until_it_succeeds()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: slow}
            spec:
              containers:
              - name: app
                image: busybox
                command: [sh, -c, "sleep 20; touch /tmp/started; sleep 3600"]
                startupProbe:
                  exec: {command: [cat, /tmp/started]}
                  periodSeconds: 5
                  failureThreshold: 10
                livenessProbe:
                  exec: {command: [cat, /tmp/started]}
                  periodSeconds: 5
                  failureThreshold: 1
            """).ExitCode);
        cluster.Advance(TimeSpan.FromSeconds(10));
        var status = Get(cluster, "slow").Status!.ContainerStatuses![0];
        Assert.Equal((false, false), (status.Started, status.Ready));

        cluster.Advance(TimeSpan.FromSeconds(30));
        status = Get(cluster, "slow").Status!.ContainerStatuses![0];
        Assert.Equal((true, true, 0), (status.Started, status.Ready, status.RestartCount));
        // Only the startup probe ran while the file was missing; liveness, with a threshold of 1, never failed.
        Assert.All(Events(cluster, "slow").Where(e => e.Reason == "Unhealthy"), e => Assert.StartsWith("Startup probe failed: ", e.Message));
        Assert.DoesNotContain(Events(cluster, "slow"), e => e.Reason == "Killing");
    }

    [Fact]
    public void A_startup_probe_that_never_succeeds_kills_the_container_after_failureThreshold_periods()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: never}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: web
                image: nginx
                startupProbe:
                  tcpSocket: {port: 8080}
                  periodSeconds: 2
                  failureThreshold: 3
            """).ExitCode);
        cluster.RunUntilIdle();
        cluster.Advance(TimeSpan.FromSeconds(10));

        var events = Events(cluster, "never");
        var ip = Get(cluster, "never").Status!.PodIP;
        Assert.Equal($"Startup probe failed: dial tcp {ip}:8080: connect: connection refused", events.First(e => e.Reason == "Unhealthy").Message);
        Assert.Equal("Container web failed startup probe, will be restarted", events.Single(e => e.Reason == "Killing").Message);
        // nginx stops cleanly on SIGTERM.
        Assert.Equal((0, "Completed"), (Get(cluster, "never").Status!.ContainerStatuses![0].LastState!.Terminated!.ExitCode,
            Get(cluster, "never").Status!.ContainerStatuses![0].LastState!.Terminated!.Reason));
    }

    private static List<string> Ready(Playground.Core.Simulation.SimulatedCluster cluster) =>
        cluster.Api.Get<Endpoints>("default", "app").Subsets?.SelectMany(s => s.Addresses ?? []).Select(a => a.Ip).ToList() ?? [];

    private static List<string> Collapse(IEnumerable<string> values)
    {
        var result = new List<string>();
        foreach (var value in values) if (result.Count == 0 || result[^1] != value) result.Add(value);
        return result;
    }

    /// <summary>When the kubelet wrote the container as running for the given run.</summary>
    internal static DateTimeOffset RunningSince(Playground.Core.Simulation.SimulatedCluster cluster, string pod, int restartCount) =>
        Writes(cluster, pod).First(w => ((Pod)w.Object).Status?.ContainerStatuses?[0] is { State.Running: not null } s && s.RestartCount == restartCount).Time;

    private static DateTimeOffset EventTime(Playground.Core.Simulation.SimulatedCluster cluster, Event e) =>
        cluster.Store.History(0).First(w => w.Kind == "Event" && w.Key.Name == e.Metadata.Name).Time;
}
