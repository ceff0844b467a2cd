using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;
using Playground.Core.Kubelet.Images;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Kubelet;

public class ContainerLogsTests
{
    private static readonly ProcessContext Context = new(null, "web", "10.244.0.5", new Dictionary<string, string> { ["NAME"] = "world" }, TestCluster.Start, 2, Stdin: false);

    [Fact]
    public void Nginx_prints_its_entrypoint_and_one_worker_per_cpu()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web"));
        cluster.RunUntilIdle();

        var logs = ContainerLogs.Read(cluster.Api, Get(cluster, "web"));

        Assert.StartsWith("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n", logs);
        Assert.Contains("/docker-entrypoint.sh: Configuration complete; ready for start up\n", logs);
        Assert.Equal(2, logs.Split('\n').Count(l => l.Contains("[notice] 1#1: start worker process ")));
        Assert.EndsWith("\n", logs);
    }

    [Fact]
    public void Log_entries_carry_the_time_each_line_was_written_and_the_tag_names_the_version()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web", image: "nginx:1.25"));
        cluster.RunUntilIdle();
        var pod = Get(cluster, "web");

        var entries = ContainerLogs.Entries(cluster.Api, pod);

        var started = pod.Status!.ContainerStatuses![0].State!.Running!.StartedAt!.Value;
        Assert.All(entries, e => Assert.InRange(e.Time, started, started.AddSeconds(1)));
        Assert.Contains(entries, e => e.Line.EndsWith(" [notice] 1#1: nginx/1.25.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shell_loop_prints_again_every_pass_with_the_time_of_each_pass()
    {
        var process = ShellScript.Run(["sh", "-c", "echo start; while true; do echo \"hello $NAME at $(date)\"; sleep 5; done"], null, Context);

        var lines = process.Lines(TestCluster.Start, TimeSpan.FromSeconds(12)).ToList();

        Assert.Equal(
            [
                "start",
                "hello world at Thu Jan  1 12:00:00 UTC 2026",
                "hello world at Thu Jan  1 12:00:05 UTC 2026",
                "hello world at Thu Jan  1 12:00:10 UTC 2026",
            ],
            lines);
        Assert.Null(process.ExitAfter);
        Assert.True(process.IgnoresSigterm);
    }

    [Fact]
    public void Scripts_exit_with_their_status_after_their_sleeps()
    {
        var process = ShellScript.Run(["sh", "-c", "for i in 1 2 3; do echo $i; done && sleep 1.5 || echo never; printf '%s=%s\\n' key value; exit 2"], null, Context);

        Assert.Equal(["1", "2", "3", "key=value"], process.Lines(TestCluster.Start, TimeSpan.FromSeconds(2)));
        Assert.Equal((TimeSpan.FromMilliseconds(1505), 2), (process.ExitAfter, process.ExitCode));
    }

    [Fact]
    public void An_unknown_command_is_not_found_and_an_images_own_binary_runs_its_server()
    {
        var missing = ShellScript.Run(["sh", "-c", "frobnicate"], null, Context);
        var nginx = ContainerProcesses.For(new Container { Name = "web", Image = "nginx:1.27", Command = ["nginx", "-g", "daemon off;"] }, Context);

        Assert.Equal(["sh: frobnicate: not found"], missing.Lines(TestCluster.Start, TimeSpan.FromSeconds(1)));
        Assert.Equal(127, missing.ExitCode);
        Assert.Null(nginx.ExitAfter);
        Assert.Contains("/docker-entrypoint.sh: Configuration complete; ready for start up", nginx.Lines(TestCluster.Start, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Databases_without_a_password_fail_as_their_entrypoints_do()
    {
        var postgres = ContainerProcesses.For(new Container { Name = "db", Image = "postgres:17" }, Context);

        Assert.Equal(1, postgres.ExitCode);
        Assert.Equal("Error: Database is uninitialized and superuser password is not specified.", postgres.Lines(TestCluster.Start, TimeSpan.FromSeconds(1)).First());
    }

    [Fact]
    public void Logs_show_the_container_environment_with_service_links()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("env", image: "busybox");
        pod.Spec.Containers[0].Command = ["sh", "-c", "env; sleep 3600"];
        pod.Spec.Containers[0].Env = [new EnvVar { Name = "GREETING", Value = "hi" }, new EnvVar { Name = "ME", ValueFrom = new() { ["fieldRef"] = new System.Text.Json.Nodes.JsonObject { ["fieldPath"] = "metadata.name" } } }];
        Create(cluster, pod);
        cluster.Advance(TimeSpan.FromSeconds(10));

        var lines = ContainerLogs.Read(cluster.Api, Get(cluster, "env")).Split('\n');

        Assert.Equal("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", lines[0]);
        Assert.Equal(["HOSTNAME=env", "GREETING=hi", "ME=env"], lines[1..4]);
        Assert.Contains("KUBERNETES_SERVICE_HOST=10.96.0.1", lines);
        Assert.Contains("KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443", lines);
    }

    [Fact]
    public void A_waiting_container_has_no_logs_yet_and_the_refusal_says_why()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("web"));
        cluster.Advance(TimeSpan.FromMilliseconds(500));

        var refused = Assert.Throws<ApiException>(() => ContainerLogs.Read(cluster.Api, Get(cluster, "web")));

        Assert.Equal((400, "container \"web\" in pod \"web\" is waiting to start: ContainerCreating"), (refused.Code, refused.Message));
    }

    [Fact]
    public void A_pod_with_several_containers_needs_a_name_and_previous_needs_a_restart()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("two");
        pod.Spec.Containers.Add(new Container { Name = "sidecar", Image = "busybox", Command = ["sleep", "infinity"] });
        Create(cluster, pod);
        cluster.RunUntilIdle();

        var unnamed = Assert.Throws<ApiException>(() => ContainerLogs.Read(cluster.Api, Get(cluster, "two")));
        var previous = Assert.Throws<ApiException>(() => ContainerLogs.Read(cluster.Api, Get(cluster, "two"), "sidecar", previous: true));

        Assert.Equal("a container name must be specified for pod two, choose one of: [two sidecar]", unnamed.Message);
        Assert.Equal("previous terminated container \"sidecar\" in pod \"two\" not found", previous.Message);
        Assert.Equal("", ContainerLogs.Read(cluster.Api, Get(cluster, "two"), "sidecar"));
    }

    [Fact]
    public void Previous_reads_the_run_before_a_restart()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("flaky", image: "busybox");
        pod.Spec.Containers[0].Command = ["sh", "-c", "echo run at $(date); sleep 5; exit 1"];
        Create(cluster, pod);
        cluster.Advance(TimeSpan.FromSeconds(10));

        var current = Get(cluster, "flaky");
        Assert.Equal(1, current.Status!.ContainerStatuses![0].RestartCount);
        Assert.NotNull(current.Status.ContainerStatuses[0].State!.Running);
        var previous = ContainerLogs.Read(cluster.Api, current, previous: true);

        Assert.Matches(@"^run at Thu Jan  1 12:00:0\d UTC 2026\n$", previous);
        Assert.NotEqual(previous, ContainerLogs.Read(cluster.Api, current));
    }

    [Fact]
    public void Image_references_resolve_as_containerd_resolves_them()
    {
        Assert.Equal("docker.io/library/nginx:latest", ImageReference.Parse("nginx").Normalized);
        Assert.Equal("docker.io/bitnami/redis:7.4", ImageReference.Parse("bitnami/redis:7.4").Normalized);
        Assert.Equal("registry.k8s.io/pause:3.10", ImageReference.Parse("registry.k8s.io/pause:3.10").Normalized);
        Assert.Equal("localhost:5000/app:dev", ImageReference.Parse("localhost:5000/app:dev").Normalized);
        Assert.Equal("redis", ImageReference.Parse("bitnami/redis:7.4").ShortName);
        Assert.Equal(ImageReference.Parse("nginx").ImageId, ImageReference.Parse("docker.io/library/nginx:latest").ImageId);
    }

    [Fact]
    public void Go_durations_print_as_kubelet_messages_print_them()
    {
        Assert.Equal(["512ms", "1.234s", "2s", "1m20s", "5m0s"],
            new[] { 0.512, 1.234, 2, 80, 300 }.Select(s => GoDuration.Format(TimeSpan.FromSeconds(s))));
    }
}
