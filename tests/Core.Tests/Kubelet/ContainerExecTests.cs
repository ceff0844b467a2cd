using Playground.Core.Api.Core;
using Playground.Core.Kubelet;
using Playground.Core.Tests.Networking;

namespace Playground.Core.Tests.Kubelet;

/// <summary>ContainerExec, the exec that the terminal's kubectl and the API's pods/exec share, and the sh it runs lines with.</summary>
public sealed class ContainerExecTests
{
    [Fact]
    public void Sh_reads_stdin_a_line_at_a_time_until_exit_and_exits_with_its_code()
    {
        var cluster = NetworkScenario.Create();

        var result = cluster.Kubectl("kubectl exec -i box -- sh", "hostname\n# a comment\n\nnosuch\necho hi  there\nexit 3\necho never\n");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("box\nsh: nosuch: not found\nhi there\ncommand terminated with exit code 3\n", result.Output);
    }

    [Fact]
    public void Sh_without_stdin_has_nothing_to_run_and_sh_c_runs_its_argument()
    {
        var cluster = NetworkScenario.Create();

        var empty = cluster.Kubectl("kubectl exec box -- sh", "hostname\n");
        var script = cluster.Kubectl("kubectl exec box -- sh -c 'nslookup web'");
        var last = cluster.Kubectl("kubectl exec -i box -- sh", "curl http://web\ncat /etc/passwd");

        Assert.Equal((0, ""), (empty.ExitCode, empty.Output));
        Assert.Contains("Name:\tweb.default.svc.cluster.local\n", script.Output);
        Assert.Equal(0, script.ExitCode);
        // The image has no curl; cat it has, but not cat of files outside the mounts: either way sh goes on.
        Assert.StartsWith("sh: curl: not found\nsh: this playground's exec runs curl, wget, nslookup", last.Output);
        Assert.EndsWith("\"cat /etc/passwd\" is not simulated\ncommand terminated with exit code 127\n", last.Output);
    }

    [Fact]
    public void Run_says_which_stream_each_write_went_to_and_why_a_command_did_not_run()
    {
        var cluster = NetworkScenario.Create();
        var box = cluster.Api.Get<Pod>("default", "box");
        var web = NetworkScenario.WebPods(cluster)[0];

        var ran = Assert.IsType<ExecResult.Ran>(ContainerExec.Run(cluster.Api, box, box.Spec.Containers[0], ["cat", "/etc/hostname"]));
        var missing = Assert.IsType<ExecResult.Ran>(ContainerExec.Run(cluster.Api, box, box.Spec.Containers[0], ["curl", "web"]));
        var noShell = Assert.IsType<ExecResult.Ran>(ContainerExec.Run(cluster.Api, web, web.Spec.Containers[0], ["sh", "-c", "hostname"]));
        var stopped = Assert.IsType<ExecResult.Refused>(ContainerExec.Run(cluster.Api, box, new Container { Name = "other", Image = "busybox" }, ["hostname"]));

        Assert.Equal([new ExecWrite(ExecStream.Stdout, "box\n")], ran.Writes);
        Assert.Equal((ExecStream.Stderr, 126), (missing.Writes.Single().Stream, missing.ExitCode));
        Assert.StartsWith("OCI runtime exec failed: exec failed: unable to start container process: exec: \"sh\"", noShell.Output);
        Assert.Equal((ExecRefusal.ContainerNotRunning, "unable to upgrade connection: container not found (\"other\")"), (stopped.Reason, stopped.Message));
    }
}
