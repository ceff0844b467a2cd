using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

/// <summary>What `kubectl exec POD -- cat|ls` shows of a running pod's volumes.</summary>
public class MountedFilesTests
{
    [Fact]
    public void Config_map_keys_are_files_under_the_mount_path()
    {
        var cluster = Running("nginx", new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } });

        Assert.Equal(("fast", 0), Exec(cluster, "cat /mnt/cfg/mode"));
        Assert.Equal(("mode\nsettings.yaml\n", 0), Exec(cluster, "ls /mnt/cfg"));
        Assert.Equal(("fastlevel: 3\n", 0), Exec(cluster, "cat /mnt/cfg/mode /mnt/cfg/settings.yaml"));
    }

    [Fact]
    public void Secret_values_are_decoded_from_base64()
    {
        var cluster = Running("nginx", new Volume { Name = "creds", Secret = new JsonObject { ["secretName"] = "db" } });

        Assert.Equal(("s3cr3t", 0), Exec(cluster, "cat /mnt/creds/password"));
    }

    [Fact]
    public void Items_subPath_emptyDir_and_downwardAPI_show_what_the_kubelet_writes()
    {
        var items = new JsonArray(new JsonObject { ["key"] = "settings.yaml", ["path"] = "conf/app.yaml" });
        var downward = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["path"] = "labels", ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.labels" } }) };
        var cluster = Running("nginx",
            new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config", ["items"] = items } },
            new Volume { Name = "scratch", EmptyDir = new JsonObject() },
            new Volume { Name = "info", DownwardAPI = downward });
        var pod = cluster.Api.Get<Pod>("default", "web");
        Assert.Equal("Running", pod.Status!.Phase);

        Assert.Equal(("conf\n", 0), Exec(cluster, "ls /mnt/cfg"));
        Assert.Equal(("app.yaml\n", 0), Exec(cluster, "ls /mnt/cfg/conf/"));
        Assert.Equal(("level: 3\n", 0), Exec(cluster, "cat /mnt/cfg/conf/app.yaml"));
        Assert.Equal(("", 0), Exec(cluster, "ls /mnt/scratch"));
        Assert.Equal(("run=\"web\"", 0), Exec(cluster, "cat /mnt/info/labels"));
    }

    [Fact]
    public void A_sub_path_mount_is_the_one_file()
    {
        var cluster = TestCluster.Create();
        CreateSources(cluster);
        var pod = Pod("web");
        pod.Spec.Volumes = [new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } }];
        pod.Spec.Containers[0].VolumeMounts = [new VolumeMount { Name = "cfg", MountPath = "/etc/app/settings.yaml", SubPath = "settings.yaml" }];
        Create(cluster, pod);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        Assert.Equal(("level: 3\n", 0), Exec(cluster, "cat /etc/app/settings.yaml"));
        Assert.Equal(("/etc/app/settings.yaml\n", 0), Exec(cluster, "ls /etc/app/settings.yaml"));
    }

    [Fact]
    public void Missing_files_get_coreutils_messages_in_debian_images_and_busybox_ones_in_busybox()
    {
        var nginx = Running("nginx", new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } });
        var busybox = Running("busybox", new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } });

        Assert.Equal(("cat: /mnt/cfg/nope: No such file or directory\ncommand terminated with exit code 1\n", 1), Exec(nginx, "cat /mnt/cfg/nope"));
        Assert.Equal(("cat: /mnt/cfg: Is a directory\ncommand terminated with exit code 1\n", 1), Exec(nginx, "cat /mnt/cfg"));
        Assert.Equal(("ls: cannot access '/mnt/cfg/nope': No such file or directory\ncommand terminated with exit code 2\n", 2), Exec(nginx, "ls /mnt/cfg/nope"));
        Assert.Equal(("cat: can't open '/mnt/cfg/nope': No such file or directory\ncommand terminated with exit code 1\n", 1), Exec(busybox, "cat /mnt/cfg/nope"));
        Assert.Equal(("ls: /mnt/cfg/nope: No such file or directory\ncommand terminated with exit code 1\n", 1), Exec(busybox, "ls /mnt/cfg/nope"));
    }

    [Fact]
    public void Files_show_the_config_maps_current_data()
    {
        var cluster = Running("nginx", new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } });
        var configMap = cluster.Api.Get<ConfigMap>("default", "app-config");
        configMap.Data!["mode"] = "slow";
        cluster.Api.Update(configMap, WriteContext.Kubectl);

        Assert.Equal(("slow", 0), Exec(cluster, "cat /mnt/cfg/mode"));
    }

    [Fact]
    public void Paths_outside_the_mounts_are_not_simulated()
    {
        var cluster = Running("nginx", new Volume { Name = "cfg", ConfigMap = new JsonObject { ["name"] = "app-config" } });

        var result = cluster.Kubectl("kubectl exec web -- cat /etc/passwd");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"cat /etc/passwd\" is not simulated", result.Output);
        Assert.Contains("nameserver ", Exec(cluster, "cat /etc/resolv.conf").Output);
    }

    private static SimulatedCluster Running(string image, params Volume[] volumes)
    {
        var cluster = TestCluster.Create();
        CreateSources(cluster);
        var pod = VolumeMountTests.WithVolume(Pod("web", image: image), volumes);
        // A busybox container runs only as long as its command.
        if (image == "busybox") pod.Spec.Containers[0].Command = ["sleep", "3600"];
        Create(cluster, pod);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        return cluster;
    }

    private static void CreateSources(SimulatedCluster cluster)
    {
        cluster.Api.Create(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "app-config", Namespace = "default" },
            Data = new() { ["mode"] = "fast", ["settings.yaml"] = "level: 3\n" },
        }, WriteContext.Kubectl);
        cluster.Api.Create(new Secret
        {
            Metadata = new ObjectMeta { Name = "db", Namespace = "default" },
            Data = new() { ["password"] = Convert.ToBase64String("s3cr3t"u8.ToArray()) },
        }, WriteContext.Kubectl);
    }

    private static (string Output, int ExitCode) Exec(SimulatedCluster cluster, string command)
    {
        var result = cluster.Kubectl($"kubectl exec web -- {command}");
        return (result.Output, result.ExitCode);
    }
}
