using System.Net;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

public class KubeletTests
{
    [Fact]
    public void Each_kubelet_registers_a_ready_node_as_a_kind_worker_reports_itself()
    {
        var cluster = TestCluster.Create();

        var node = cluster.Api.Get<Node>(null, "node-2");

        Assert.Equal("kubelet/node-2", cluster.Store.History(0).Single(w => w.Key.Resource == "nodes" && w.Key.Name == "node-2" && w.Type == WriteType.Added).Actor);
        Assert.Equal(new Dictionary<string, string>
        {
            ["beta.kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["kubernetes.io/hostname"] = "node-2",
            ["kubernetes.io/os"] = "linux",
        }, node.Metadata.Labels);
        Assert.Equal(("10.244.1.0/24", "10.244.1.0/24"), (node.Spec.PodCIDR, Assert.Single(node.Spec.PodCIDRs!)));
        var status = node.Status!;
        Assert.Equal(("2", "4194304Ki", "110"), (status.Allocatable!["cpu"], status.Allocatable["memory"], status.Allocatable["pods"]));
        Assert.Equal(status.Capacity, status.Allocatable);
        Assert.Equal(["MemoryPressure:False", "DiskPressure:False", "PIDPressure:False", "Ready:True"], status.Conditions!.Select(c => $"{c.Type}:{c.Status}"));
        var ready = status.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal(("KubeletReady", "kubelet is posting ready status"), (ready.Reason, ready.Message));
        Assert.Equal(["InternalIP:172.18.0.4", "Hostname:node-2"], status.Addresses!.Select(a => $"{a.Type}:{a.Address}"));
        Assert.Equal(("v1.32.2", "containerd://1.7.24", "linux", "amd64"),
            (status.NodeInfo!.KubeletVersion, status.NodeInfo.ContainerRuntimeVersion, status.NodeInfo.OperatingSystem, status.NodeInfo.Architecture));
    }

    [Fact]
    public void A_pod_goes_Scheduled_Pulling_Pulled_Created_Started_and_its_phases_are_written_by_the_kubelet()
    {
        var cluster = TestCluster.Create();

        Create(cluster, Pod("web"));
        cluster.RunUntilIdle();

        var pod = Get(cluster, "web");
        var node = pod.Spec.NodeName!;
        var events = Events(cluster, "web");
        Assert.Equal(["Scheduled", "Pulling", "Pulled", "Created", "Started"], events.Select(e => e.Reason));
        Assert.Equal(["default-scheduler", "kubelet", "kubelet", "kubelet", "kubelet"], events.Select(e => e.Source!.Component));
        Assert.All(events.Skip(1), e => Assert.Equal((node, "spec.containers{web}"), (e.Source!.Host, e.InvolvedObject.FieldPath)));
        Assert.Equal("Pulling image \"nginx\"", events[1].Message);
        Assert.Matches(@"^Successfully pulled image ""nginx"" in 1\.\d{1,3}s \(1\.\d{1,3}s including waiting\)\. Image size: 72099410 bytes\.$", events[2].Message);
        Assert.Equal("Created container: web", events[3].Message);
        Assert.Equal("Started container web", events[4].Message);

        var writes = Writes(cluster, "web");
        Assert.Equal(
            [
                ("kubectl", "Pending", null),
                ("default-scheduler", "Pending", null),
                ($"kubelet/{node}", "Pending", "ContainerCreating"),
                ($"kubelet/{node}", "Pending", "ContainerCreating"),
                ($"kubelet/{node}", "Running", null),
            ],
            writes.Select(w => (w.Actor, ((Pod)w.Object).Status!.Phase, ((Pod)w.Object).Status!.ContainerStatuses?[0].State?.Waiting?.Reason)));
        Assert.Null(((Pod)writes[2].Object).Status!.PodIP);
        Assert.NotNull(((Pod)writes[3].Object).Status!.PodIP);
        // Each write was caused by the one before it: kubectl → scheduler → kubelet.
        for (var i = 1; i < writes.Count; i++) Assert.Equal(writes[i - 1].Revision, writes[i].Cause);
        var duration = writes[^1].Time - writes[0].Time;
        Assert.InRange(duration.TotalSeconds, 1.5, 5);
    }

    [Fact]
    public void A_running_pod_reports_what_upstream_reports()
    {
        var cluster = TestCluster.Create();

        Create(cluster, Pod("web", image: "nginx:1.25"));
        cluster.RunUntilIdle();

        var pod = Get(cluster, "web");
        var status = pod.Status!;
        Assert.Equal(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"], status.Conditions!.Select(c => c.Type));
        Assert.All(status.Conditions!, c => Assert.Equal("True", c.Status));
        var node = cluster.Api.Get<Node>(null, pod.Spec.NodeName!);
        Assert.Equal(node.Status!.Addresses![0].Address, status.HostIP);
        Assert.True(InCidr(status.PodIP!, node.Spec.PodCIDR!), $"{status.PodIP} is not in {node.Spec.PodCIDR}");
        var container = Assert.Single(status.ContainerStatuses!);
        Assert.Matches("^containerd://[0-9a-f]{64}$", container.ContainerID);
        Assert.Equal("docker.io/library/nginx:1.25", container.Image);
        Assert.Matches("^docker.io/library/nginx@sha256:[0-9a-f]{64}$", container.ImageID);
        Assert.Equal((true, true, 0), (container.Ready, container.Started, container.RestartCount));
        Assert.NotNull(container.State!.Running!.StartedAt);
        Assert.NotNull(status.StartTime);
    }

    [Fact]
    public void An_image_already_on_the_node_is_not_pulled_again_when_the_policy_allows()
    {
        var cluster = TestCluster.Create();
        var first = Pod("first", image: "nginx:1.25");
        first.Spec.NodeSelector = new() { ["kubernetes.io/hostname"] = "node-1" };
        var second = Pod("second", image: "nginx:1.25");
        second.Spec.NodeSelector = new() { ["kubernetes.io/hostname"] = "node-1" };
        Create(cluster, first);
        cluster.RunUntilIdle();

        Create(cluster, second);
        cluster.RunUntilIdle();

        Assert.Equal(["Scheduled", "Pulled", "Created", "Started"], Events(cluster, "second").Select(e => e.Reason));
        Assert.Equal("Container image \"nginx:1.25\" already present on machine", Events(cluster, "second")[1].Message);
        var images = cluster.Api.Get<Node>(null, "node-1").Status!.Images!;
        Assert.Contains(images, i => i.Names!.Contains("docker.io/library/nginx:1.25"));
    }

    [Fact]
    public void Pods_get_distinct_addresses_from_their_nodes_range_and_a_deleted_pods_address_is_given_back()
    {
        var cluster = TestCluster.Create(nodes: 1);
        for (var i = 0; i < 3; i++) Create(cluster, Pod($"web-{i}"));
        cluster.RunUntilIdle();

        // CoreDNS's two pods already hold .2 and .3 (kube-proxy runs on the host network).
        Assert.Equal(["10.244.0.4", "10.244.0.5", "10.244.0.6"], Enumerable.Range(0, 3).Select(i => Get(cluster, $"web-{i}").Status!.PodIP).Order());
        var kubelet = cluster.Components.OfType<Core.Kubelet.Kubelet>().Single();
        Assert.Equal(5, kubelet.Node.Ips.Count);

        cluster.Api.Delete<Pod>("default", "web-0", WriteContext.Kubectl);
        cluster.RunUntilIdle();

        Assert.Equal(4, kubelet.Node.Ips.Count);
    }

    [Fact]
    public void Deleting_a_pod_stops_its_container_gracefully_then_the_kubelet_removes_it()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web"));
        cluster.RunUntilIdle();
        var deletedAt = cluster.Clock.Now;

        cluster.Api.Delete<Pod>("default", "web", WriteContext.Kubectl);
        cluster.RunUntilIdle();

        Assert.Null(cluster.Api.TryGet<Pod>("default", "web"));
        var killing = Events(cluster, "web").Last();
        Assert.Equal(("Killing", "Stopping container web", "spec.containers{web}"), (killing.Reason, killing.Message, killing.InvolvedObject.FieldPath));
        var writes = Writes(cluster, "web").Where(w => w.Time >= deletedAt).ToList();
        Assert.Equal(["kubectl", writes[1].Actor, writes[1].Actor], writes.Select(w => w.Actor));
        Assert.StartsWith("kubelet/", writes[1].Actor);
        var stopped = (Pod)writes[1].Object;
        Assert.Equal("Succeeded", stopped.Status!.Phase);
        var terminated = stopped.Status.ContainerStatuses![0].State!.Terminated!;
        Assert.Equal((0, "Completed"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal(WriteType.Deleted, writes[2].Type);
        Assert.InRange((writes[2].Time - deletedAt).TotalSeconds, 0, 2);
    }

    [Fact]
    public void A_process_that_ignores_SIGTERM_is_killed_when_the_grace_period_ends()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("sleeper", image: "busybox");
        pod.Spec.Containers[0].Command = ["sleep", "3600"];
        pod.Spec.TerminationGracePeriodSeconds = 5;
        Create(cluster, pod);
        cluster.Advance(TimeSpan.FromSeconds(10));
        var deletedAt = cluster.Clock.Now;

        cluster.Api.Delete<Pod>("default", "sleeper", WriteContext.Kubectl);
        cluster.Advance(TimeSpan.FromSeconds(4));
        Assert.NotNull(cluster.Api.TryGet<Pod>("default", "sleeper"));
        cluster.RunUntilIdle();

        var final = (Pod)Writes(cluster, "sleeper")[^2].Object;
        var terminated = final.Status!.ContainerStatuses![0].State!.Terminated!;
        Assert.Equal((137, "Error", "Failed"), (terminated.ExitCode, terminated.Reason, final.Status.Phase));
        Assert.Equal(deletedAt.AddSeconds(5), terminated.FinishedAt);
        Assert.Null(cluster.Api.TryGet<Pod>("default", "sleeper"));
    }

    [Fact]
    public void A_container_that_exits_is_restarted_with_a_growing_back_off()
    {
        var cluster = TestCluster.Create();
        var pod = Create(cluster, Pod("bb", image: "busybox"));

        cluster.Advance(TimeSpan.FromSeconds(60));

        var status = Get(cluster, "bb").Status!;
        Assert.Equal("Running", status.Phase);
        var container = Assert.Single(status.ContainerStatuses!);
        Assert.Equal(3, container.RestartCount);
        Assert.Equal("CrashLoopBackOff", container.State!.Waiting!.Reason);
        Assert.Equal($"back-off 40s restarting failed container=bb pod=bb_default({pod.Metadata.Uid})", container.State.Waiting.Message);
        Assert.Equal((0, "Completed"), (container.LastState!.Terminated!.ExitCode, container.LastState.Terminated.Reason));
        var backOff = Events(cluster, "bb").Single(e => e.Reason == "BackOff");
        Assert.Equal(("Warning", $"Back-off restarting failed container bb in pod bb_default({pod.Metadata.Uid})", 3), (backOff.Type, backOff.Message, backOff.Count));
        Assert.Equal(4, Events(cluster, "bb").Single(e => e.Reason == "Started").Count);
    }

    [Fact]
    public void A_misspelt_image_fails_to_pull_and_backs_off_until_the_image_is_fixed()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web", image: "ngnix"));
        cluster.Advance(TimeSpan.FromSeconds(5));

        const string error = "rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/ngnix:latest\": failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed";
        var waiting = Get(cluster, "web").Status!.ContainerStatuses![0].State!.Waiting!;
        Assert.Equal(("ImagePullBackOff", $"Back-off pulling image \"ngnix\": ErrImagePull: {error}"), (waiting.Reason, waiting.Message));
        Assert.Contains(Writes(cluster, "web"), w => ((Pod)w.Object).Status!.ContainerStatuses?[0].State?.Waiting is { Reason: "ErrImagePull", Message: error });
        Assert.Equal(
            [
                ("Normal", "Scheduled", "Successfully assigned default/web to " + Get(cluster, "web").Spec.NodeName),
                ("Normal", "Pulling", "Pulling image \"ngnix\""),
                ("Warning", "Failed", $"Failed to pull image \"ngnix\": {error}"),
                ("Warning", "Failed", "Error: ErrImagePull"),
                ("Normal", "BackOff", "Back-off pulling image \"ngnix\""),
                ("Warning", "Failed", "Error: ImagePullBackOff"),
            ],
            Events(cluster, "web").Select(e => (e.Type!, e.Reason!, e.Message!)));

        cluster.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, Events(cluster, "web").Single(e => e.Reason == "Pulling").Count);

        var pod = Get(cluster, "web");
        pod.Spec.Containers[0].Image = "nginx";
        cluster.Api.Update(pod, WriteContext.Kubectl);
        cluster.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
    }

    [Fact]
    public void Changing_a_running_containers_image_restarts_it_with_the_new_image()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web", image: "nginx:1.26"));
        cluster.RunUntilIdle();

        var pod = Get(cluster, "web");
        pod.Spec.Containers[0].Image = "nginx:1.27";
        cluster.Api.Update(pod, WriteContext.Kubectl);
        cluster.RunUntilIdle();

        var container = Get(cluster, "web").Status!.ContainerStatuses![0];
        Assert.Equal(("docker.io/library/nginx:1.27", 1), (container.Image, container.RestartCount));
        Assert.NotNull(container.State!.Running);
        Assert.Equal("Container web definition changed, will be restarted", Events(cluster, "web").Single(e => e.Reason == "Killing").Message);
    }

    [Fact]
    public void A_pod_that_never_restarts_completes()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("job", image: "busybox");
        pod.Spec.Containers[0].Command = ["sh", "-c", "echo done; exit 3"];
        pod.Spec.RestartPolicy = "Never";

        Create(cluster, pod);
        cluster.RunUntilIdle();

        var status = Get(cluster, "job").Status!;
        Assert.Equal("Failed", status.Phase);
        Assert.Equal((3, "Error"), (status.ContainerStatuses![0].State!.Terminated!.ExitCode, status.ContainerStatuses[0].State!.Terminated!.Reason));
        Assert.Contains(status.Conditions!, c => c is { Type: "PodReadyToStartContainers", Status: "False" });
    }

    [Fact]
    public void Init_containers_run_to_completion_one_by_one_before_the_app_starts()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("app", image: "busybox");
        pod.Spec.Containers[0].Command = ["sleep", "infinity"];
        pod.Spec.InitContainers =
        [
            new Container { Name = "first", Image = "busybox", Command = ["sh", "-c", "sleep 2"] },
            new Container { Name = "second", Image = "busybox", Command = ["true"] },
        ];

        Create(cluster, pod);
        cluster.RunUntilIdle();

        var started = Events(cluster, "app").Where(e => e.Reason == "Started").Select(e => e.Message);
        Assert.Equal(["Started container first", "Started container second", "Started container app"], started);
        var status = Get(cluster, "app").Status!;
        Assert.Equal("Running", status.Phase);
        Assert.All(status.InitContainerStatuses!, s => Assert.Equal(("Completed", true), (s.State!.Terminated!.Reason, s.Ready)));
        var initializing = Writes(cluster, "app").Select(w => ((Pod)w.Object).Status!).First(s => s.InitContainerStatuses is not null);
        Assert.Equal("containers with incomplete status: [first second]", initializing.Conditions!.Single(c => c.Type == "Initialized").Message);
    }

    [Fact]
    public void A_missing_config_map_holds_the_container_until_it_is_created()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("web");
        pod.Spec.Containers[0].Env = [new EnvVar { Name = "MODE", ValueFrom = new() { ["configMapKeyRef"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "settings", ["key"] = "mode" } } }];
        Create(cluster, pod);
        cluster.RunUntilIdle();

        var waiting = Get(cluster, "web").Status!.ContainerStatuses![0].State!.Waiting!;
        Assert.Equal("CreateContainerConfigError", waiting.Reason);
        Assert.Equal("configmap \"settings\" not found", waiting.Message);
        Assert.Equal("Error: configmap \"settings\" not found", Events(cluster, "web").Single(e => e.Reason == "Failed").Message);

        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "settings" }, Data = new() { ["mode"] = "fast" } }, WriteContext.Kubectl);
        cluster.RunUntilIdle();

        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
    }

    [Fact]
    public void After_a_restore_the_kubelet_continues_a_pod_from_its_stored_state()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web"));
        while (!Events(cluster, "web").Any(e => e.Reason == "Pulling")) cluster.Advance(TimeSpan.FromMilliseconds(100));
        var before = Get(cluster, "web");
        Assert.Equal("ContainerCreating", before.Status!.ContainerStatuses![0].State!.Waiting!.Reason);

        var restored = SimulatedCluster.Restore(Snapshot(cluster));
        restored.RunUntilIdle();

        var after = restored.Api.Get<Pod>("default", "web");
        Assert.Equal("Running", after.Status!.Phase);
        Assert.Equal(before.Status.PodIP, after.Status.PodIP);
        var kubelet = restored.Components.OfType<Core.Kubelet.Kubelet>().Single(k => k.NodeName == after.Spec.NodeName);
        Assert.Equal(before.Status.PodIP, kubelet.Node.Ips.AddressOf(after.Metadata.Uid!));
        // The restarted kubelet pulls again, as a real one does when a pull was cut short.
        Assert.Equal(["Scheduled", "Pulling", "Pulling", "Pulled", "Created", "Started"], Events(restored, "web").Select(e => e.Reason));
        Assert.All(restored.Store.History(before.Metadata.ResourceVersion is { } rv ? long.Parse(rv) : 0).Where(w => w.Kind == "Pod"),
            w => Assert.StartsWith("kubelet/", w.Actor));
    }

    [Fact]
    public void A_restored_kubelet_never_hands_out_an_address_in_use()
    {
        var cluster = TestCluster.Create(nodes: 1);
        Create(cluster, Pod("a"));
        Create(cluster, Pod("b"));
        cluster.RunUntilIdle();

        var restored = SimulatedCluster.Restore(Snapshot(cluster));
        restored.Api.Create(Pod("c"), WriteContext.Kubectl);
        restored.RunUntilIdle();

        var addresses = new[] { "a", "b", "c" }.Select(n => restored.Api.Get<Pod>("default", n).Status!.PodIP).ToList();
        Assert.Equal(3, addresses.Distinct().Count());
        // After CoreDNS's .2 and .3 and the pods' .4 and .5.
        Assert.Equal("10.244.0.6", addresses[2]);
    }

    private static bool InCidr(string ip, string cidr)
    {
        var network = IPNetwork.Parse(cidr);
        return network.Contains(IPAddress.Parse(ip));
    }
}
