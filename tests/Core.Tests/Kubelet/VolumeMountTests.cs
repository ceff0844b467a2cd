using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet.Volumes;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

public class VolumeMountTests
{
    private const string Missing = "MountVolume.SetUp failed for volume \"cfg\" : configmap \"app-config\" not found";

    [Fact]
    public void A_missing_config_map_keeps_the_pod_in_ContainerCreating_with_FailedMount_until_it_is_created()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } }));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        var pod = Get(cluster, "web");
        Assert.Equal(("Pending", "ContainerCreating"), (pod.Status!.Phase, pod.Status.ContainerStatuses![0].State!.Waiting!.Reason));
        Assert.Null(pod.Status.PodIP);
        Assert.Equal("False", pod.Status.Conditions!.Single(c => c.Type == "PodReadyToStartContainers").Status);
        var failed = Assert.Single(Events(cluster, "web"), e => e.Reason == "FailedMount");
        Assert.Equal(("Warning", Missing, "kubelet", pod.Spec.NodeName), (failed.Type, failed.Message, failed.Source!.Component, failed.Source.Host));
        Assert.Null(failed.InvolvedObject.FieldPath);
        Assert.Equal(["Scheduled", "FailedMount"], Events(cluster, "web").Select(e => e.Reason));
        // The kubelet wrote the pod's first status and nothing since: a failed mount changes no status.
        Assert.Equal(1, Writes(cluster, "web").Count(w => w.Actor.StartsWith("kubelet/", StringComparison.Ordinal)));

        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "app-config", Namespace = "default" }, Data = new() { ["mode"] = "fast" } }, WriteContext.Kubectl);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
        Assert.Equal(["Scheduled", "FailedMount", "Pulling", "Pulled", "Created", "Started"], Events(cluster, "web").Select(e => e.Reason));
    }

    [Fact]
    public void Failed_mounts_are_retried_after_half_a_second_doubling_to_two_minutes_and_two_seconds()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } }));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(10));

        var tries = FailedMountTimes(cluster);
        var gaps = tries.Zip(tries.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        double[] expected = [0.5, 1, 2, 4, 8, 16, 32, 64, 122, 122, 122];
        Assert.True(gaps.Count >= expected.Length, $"only {tries.Count} tries");
        for (var i = 0; i < expected.Length; i++) Assert.InRange(gaps[i], expected[i], expected[i] + 0.1);
        var failed = Assert.Single(Events(cluster, "web"), e => e.Reason == "FailedMount");
        Assert.Equal(tries.Count, failed.Count);
    }

    [Fact]
    public void A_config_map_created_later_is_mounted_at_the_next_retry_not_before()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } }));
        cluster.RunUntilIdle(TimeSpan.FromSeconds(70));
        var lastTry = FailedMountTimes(cluster)[^1];

        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "app-config", Namespace = "default" } }, WriteContext.Kubectl);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(3));

        // The last failure set a 64 s back-off; the sandbox comes up only once it has passed.
        var sandbox = Writes(cluster, "web").First(w => ((Pod)w.Object).Status?.PodIP is not null);
        Assert.InRange((sandbox.Time - lastTry).TotalSeconds, 64, 65.5);
        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
    }

    [Fact]
    public void A_missing_secret_is_reported_with_the_secret_plugins_message()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "creds", Secret = new JsonObject { ["secretName"] = "x" } }));
        cluster.RunUntilIdle(TimeSpan.FromSeconds(30));

        Assert.Equal("MountVolume.SetUp failed for volume \"creds\" : secret \"x\" not found",
            Assert.Single(Events(cluster, "web"), e => e.Reason == "FailedMount").Message);

        cluster.Api.Create(new Secret { Metadata = new ObjectMeta { Name = "x", Namespace = "default" }, Data = new() { ["k"] = "dg==" } }, WriteContext.Kubectl);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(3));
        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
    }

    [Fact]
    public void An_optional_source_that_is_missing_mounts_empty_and_the_pod_starts()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config", ["optional"] = true } }));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        Assert.Equal("Running", Get(cluster, "web").Status!.Phase);
        Assert.DoesNotContain(Events(cluster, "web"), e => e.Reason == "FailedMount");
    }

    [Fact]
    public void Every_failing_volume_is_reported_and_items_must_name_existing_keys()
    {
        var cluster = TestCluster.Create();
        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "app-config", Namespace = "default" }, Data = new() { ["a"] = "1" } }, WriteContext.Kubectl);
        var items = new JsonArray(new JsonObject { ["key"] = "b", ["path"] = "b.txt" });
        var projected = new JsonObject
        {
            ["sources"] = new JsonArray(
                new JsonObject { ["configMap"] = new JsonObject { ["name"] = "one" } },
                new JsonObject { ["secret"] = new JsonObject { ["name"] = "two" } }),
        };
        Create(cluster, WithVolume(Pod("web"),
            new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config", ["items"] = items } },
            new Volume { Name = "all", Projected = projected },
            new Volume { Name = "scratch", EmptyDir = new JsonObject() }));
        cluster.RunUntilIdle(TimeSpan.FromSeconds(30));

        Assert.Equal(
            [
                "MountVolume.SetUp failed for volume \"cfg\" : configmap references non-existent config key: b",
                "MountVolume.SetUp failed for volume \"all\" : [configmap \"one\" not found, secret \"two\" not found]",
            ],
            Events(cluster, "web").Where(e => e.Reason == "FailedMount").Select(e => e.Message));
    }

    [Fact]
    public void Describe_shows_the_repeated_FailedMount_as_kubectl_does()
    {
        var cluster = TestCluster.Create();
        Create(cluster, WithVolume(Pod("web"), new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } }));
        cluster.RunUntilIdle(TimeSpan.FromSeconds(20));

        var describe = cluster.Kubectl("kubectl describe pod web").Output;

        Assert.Matches($@"  Warning  FailedMount  \d+s \(x6 over 2\ds\)\s+kubelet\s+{System.Text.RegularExpressions.Regex.Escape(Missing)}\n", describe);
        Assert.Contains("Status:           Pending", describe);
    }

    [Fact]
    public void The_volume_manager_backs_off_per_pod_and_forgets_a_pod_once_mounted()
    {
        var volumes = new VolumeManager(TestCluster.Create().Api);
        var now = TestCluster.Start;

        volumes.Failed("a", now);
        volumes.Failed("a", now);
        volumes.Failed("a", now);

        Assert.Equal(now + TimeSpan.FromSeconds(2), volumes.RetryAt("a"));
        Assert.Equal(DateTimeOffset.MinValue, volumes.RetryAt("b"));
        volumes.Forget("a");
        Assert.Equal(DateTimeOffset.MinValue, volumes.RetryAt("a"));
    }

    internal static Pod WithVolume(Pod pod, params Volume[] volumes)
    {
        pod.Spec.Volumes = [.. volumes];
        pod.Spec.Containers[0].VolumeMounts = volumes.Select(v => new VolumeMount { Name = v.Name, MountPath = "/mnt/" + v.Name }).ToList();
        return pod;
    }

    /// <summary>When each FailedMount of the pod was recorded: the event's creation, then each raise of its count.</summary>
    private static List<DateTimeOffset> FailedMountTimes(SimulatedCluster cluster) =>
        cluster.Store.History(0)
            .Where(w => w.Kind == "Event" && w.Type != WriteType.Deleted && ((Event)w.Object) is { Reason: "FailedMount", InvolvedObject.Name: "web" })
            .Select(w => w.Time)
            .ToList();
}
