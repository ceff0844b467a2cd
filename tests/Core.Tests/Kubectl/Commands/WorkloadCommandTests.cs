using Playground.Core.Api.Core;

namespace Playground.Core.Tests.Kubectl.Commands;

public class WorkloadCommandTests
{
    private readonly KubectlTerminal _terminal = new();

    [Fact]
    public void Logs_print_what_the_image_writes_at_startup_and_honour_tail_and_timestamps()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx:1.27.3");
        _terminal.Settle();
        var pod = Assert.Single(_terminal.Cluster.Api.List<Pod>("default"));
        var started = pod.Status!.ContainerStatuses![0].State!.Running!.StartedAt!.Value.UtcDateTime;

        var all = _terminal.Ok($"kubectl logs {pod.Metadata.Name}");
        var tail = _terminal.Ok($"kubectl logs {pod.Metadata.Name} --tail=1 --timestamps");

        Assert.StartsWith("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n", all);
        Assert.Contains($"{started:yyyy/MM/dd HH:mm:ss} [notice] 1#1: nginx/1.27.3\n", all);
        Assert.Equal($"{started:yyyy-MM-ddTHH:mm:ss}.000000000Z {started:yyyy/MM/dd HH:mm:ss} [notice] 1#1: start worker process 30\n", tail);
        Assert.Equal("error: container sidecar is not valid for pod " + pod.Metadata.Name + "\n", _terminal.Run($"kubectl logs {pod.Metadata.Name} -c sidecar").Output);
    }

    [Fact]
    public void Logs_of_a_container_still_being_created_are_refused_as_the_kubelet_refuses_them()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx");
        var pod = _terminal.Cluster.Api.List<Pod>("default")[0];
        Assert.False(string.IsNullOrEmpty(pod.Spec.NodeName));

        var result = _terminal.Run($"kubectl logs {pod.Metadata.Name}");

        Assert.Equal((1, $"Error from server (BadRequest): container \"nginx\" in pod \"{pod.Metadata.Name}\" is waiting to start: ContainerCreating\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public void Delete_from_a_manifest_and_by_label_reports_every_object()
    {
        _terminal.Ok("kubectl create namespace demo");
        _terminal.Ok("kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: main\n    image: busybox\nEOF");
        _terminal.Settle();

        Assert.Equal("namespace \"demo\" deleted\n", _terminal.Ok("kubectl delete -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nEOF"));
        Assert.Equal("No resources found\n", _terminal.Ok("kubectl delete pods -l app=nothing"));
        Assert.Equal("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod \"a\" force deleted\n",
            _terminal.Ok("kubectl delete pod a --force"));
    }

    [Fact]
    public void Rollout_status_pause_and_resume_speak_as_kubectl_does()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx --replicas=0");

        Assert.Equal("deployment \"web\" successfully rolled out\n", _terminal.Ok("kubectl rollout status deployment/web"));
        Assert.Equal("deployment.apps/web paused\n", _terminal.Ok("kubectl rollout pause deployment/web"));
        var again = _terminal.Run("kubectl rollout pause deploy/web");
        Assert.Equal((1, "error: deployments.apps \"web\" is already paused\n"), (again.ExitCode, again.Output));
        Assert.Equal("deployment.apps/web resumed\n", _terminal.Ok("kubectl rollout resume deployment web"));
        _terminal.Ok("kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: main\n    image: busybox\nEOF");
        Assert.Equal("error: no status viewer has been implemented for Pod\n", _terminal.Run("kubectl rollout status pod/x").Output);
    }
}
