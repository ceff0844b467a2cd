using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Exec;

/// <summary>The pod and container an exec runs in, by name: a session keeps it and looks them up afresh on the sandbox's loop.</summary>
public sealed record ExecTarget(string Namespace, string Pod, string Container)
{
    /// <summary>
    /// Runs on the sandbox's loop: the target, or the Status the API server answers before it upgrades the connection
    /// (no such pod, no such container, no node yet, a node whose kubelet it cannot dial), as upstream's streamLocation.
    /// </summary>
    public static (ExecTarget? Target, KubeResponse? Problem) Resolve(SimulatedCluster cluster, ResourcePath path, string? container)
    {
        Pod pod;
        try
        {
            pod = cluster.Api.Get<Pod>(path.Namespace, path.Name!);
        }
        catch (ApiException e)
        {
            return (null, KubeResponse.Failure(e));
        }
        var name = path.Name!;
        if (container is null)
        {
            if (pod.Spec.Containers.Count != 1)
            {
                var init = pod.Spec.InitContainers is { Count: > 0 } inits ? $" or one of the init containers: [{string.Join(' ', inits.Select(c => c.Name))}]" : "";
                return (null, BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', pod.Spec.Containers.Select(c => c.Name))}]{init}"));
            }
            container = pod.Spec.Containers[0].Name;
        }
        else if (Find(pod, container) is null) return (null, BadRequest($"container {container} is not valid for pod {name}"));
        if (string.IsNullOrEmpty(pod.Spec.NodeName)) return (null, BadRequest($"pod {name} does not have a host assigned"));
        // Dialing the kubelet is the API server's own failure, a Status without a reason: kubectl prints "Error from server: ...".
        if (ContainerExec.Check(cluster.Api, pod, Find(pod, container)!) is { Reason: ExecRefusal.NodeUnreachable } unreachable)
            return (null, KubeResponse.Failure(500, "", unreachable.Message));
        return (new ExecTarget(pod.Metadata.Namespace ?? path.Namespace ?? "default", name, container), null);
    }

    /// <summary>Runs on the sandbox's loop: the whole command, to its end.</summary>
    public ExecResult Run(SimulatedCluster cluster, IReadOnlyList<string> command) =>
        Now(cluster, (pod, container) => ContainerExec.Run(cluster.Api, pod, container, command));

    /// <summary>Runs on the sandbox's loop: one line of an sh session's input (none checks the container runs and has an sh).</summary>
    public ExecResult Line(SimulatedCluster cluster, ContainerShell shell, string? line) =>
        Now(cluster, (pod, container) => (ExecResult?)ContainerExec.Check(cluster.Api, pod, container)
            ?? (line is null ? ContainerExec.Shell(container) : new ExecResult.Ran(shell.Run(line, cluster.Api, pod, container), shell.ExitCode)));

    private ExecResult Now(SimulatedCluster cluster, Func<Pod, Container, ExecResult> run)
    {
        var pod = cluster.Api.TryGet<Pod>(Namespace, Pod);
        if (pod is null || Find(pod, Container) is not { } container)
            return new ExecResult.Refused(ExecRefusal.ContainerNotRunning, $"unable to upgrade connection: container not found (\"{Container}\")");
        var result = run(pod, container);
        // As after a terminal command: the control plane reacts to what the program did before anyone looks again.
        cluster.RunPending();
        return result;
    }

    private static Container? Find(Pod pod, string name) => pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == name);

    private static KubeResponse BadRequest(string message) => KubeResponse.Failure(400, "BadRequest", message);
}
