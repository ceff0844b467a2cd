using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Volumes;
using Playground.Core.Networking.Programs;
using Playground.Core.Networking.Traffic;

namespace Playground.Core.Kubelet;

/// <summary>Which stream a program wrote to; the numbers are the exec protocol's channels.</summary>
public enum ExecStream
{
    Stdout = 1,
    Stderr = 2,
}

/// <summary>Text a program wrote on one stream.</summary>
public sealed record ExecWrite(ExecStream Stream, string Text);

/// <summary>Why an exec did not run.</summary>
public enum ExecRefusal
{
    /// <summary>The pod has finished (kubectl refuses before it asks).</summary>
    CompletedPod,

    /// <summary>The API server cannot dial the kubelet of a powered-off node.</summary>
    NodeUnreachable,

    /// <summary>The kubelet has no running container of that name.</summary>
    ContainerNotRunning,

    /// <summary>The image has the program, but this playground does not simulate it.</summary>
    NotSimulated,
}

/// <summary>What an exec came to: the program ran (what it wrote, in order, and its exit code), or it was refused.</summary>
public abstract record ExecResult
{
    private ExecResult()
    {
    }

    public sealed record Ran(IReadOnlyList<ExecWrite> Writes, int ExitCode) : ExecResult
    {
        /// <summary>Both streams as a terminal shows them.</summary>
        public string Output => string.Concat(Writes.Select(w => w.Text));
    }

    /// <summary>Message is the reason as upstream words it, without kubectl's "error: " or "Error from server: ".</summary>
    public sealed record Refused(ExecRefusal Reason, string Message) : ExecResult;
}

/// <summary>
/// Runs a program in a running container, as the container runtime would find it in the image: the one implementation
/// behind the terminal's kubectl exec and the Kubernetes API's pods/exec. The network programs (curl, wget, nslookup)
/// talk to the simulated cluster network, cat and ls read the pod's mounted volumes, and sh runs a line at a time.
/// </summary>
public static class ContainerExec
{
    /// <summary>Null unless the pod has finished; kubectl checks this before anything else.</summary>
    public static ExecResult.Refused? Completed(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed"
        ? new(ExecRefusal.CompletedPod, $"cannot exec into a container in a completed pod; current phase is {pod.Status.Phase}")
        : null;

    /// <summary>Why exec cannot start in this container now, in the order the requests meet the reasons; null when it can.</summary>
    public static ExecResult.Refused? Check(ApiServer.ApiServer api, Pod pod, Container container)
    {
        if (Completed(pod) is { } completed) return completed;
        var node = pod.Spec.NodeName is { Length: > 0 } nodeName ? api.TryGet<Node>(null, nodeName) : null;
        // The API server reaches the container through the node's kubelet, which a powered-off machine does not answer.
        if (Machines.IsOff(node))
            return new(ExecRefusal.NodeUnreachable, $"error dialing backend: dial tcp {Machines.InternalIp(node)}:10250: connect: no route to host");
        if (pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container.Name)?.State?.Running is null)
            return new(ExecRefusal.ContainerNotRunning, $"unable to upgrade connection: container not found (\"{container.Name}\")");
        return null;
    }

    /// <summary>Runs a command to its end; <paramref name="stdin"/> is what the caller passes (kubectl exec -i), which only sh reads.</summary>
    public static ExecResult Run(ApiServer.ApiServer api, Pod pod, Container container, IReadOnlyList<string> command, string? stdin = null)
    {
        if (Check(api, pod, container) is { } refused) return refused;
        if (ContainerShell.Script(command, stdin) is { } script && ContainerPrograms.Has(ImageReference.Parse(container.Image ?? ""), "sh"))
        {
            var shell = new ContainerShell();
            var writes = script.Split('\n').TakeWhile(_ => !shell.Exited).SelectMany(line => shell.Run(line, api, pod, container)).ToList();
            return new ExecResult.Ran(writes, shell.ExitCode);
        }
        return Program(api, pod, container, command) ?? NotFound(command[0]);
    }

    /// <summary>The container's sh for a session that feeds it stdin a line at a time; an image without one answers as runc does.</summary>
    public static ExecResult.Ran Shell(Container container) =>
        ContainerPrograms.Has(ImageReference.Parse(container.Image ?? ""), "sh") ? new([], 0) : NotFound("sh");

    private static ExecResult.Ran NotFound(string program) =>
        new([new(ExecStream.Stderr, $"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\n")], 126);

    /// <summary>One program with its arguments; null when the image has no such program.</summary>
    internal static ExecResult? Program(ApiServer.ApiServer api, Pod pod, Container container, IReadOnlyList<string> argv)
    {
        var image = ImageReference.Parse(container.Image ?? "");
        // cat and ls of mounted volumes first: the other programs know the network, not the pod's files.
        var result = FileCommands.Run(argv, api, pod, container);
        if (result is null && !ContainerPrograms.Has(image, argv[0].Split('/')[^1])) return null;
        result ??= ContainerPrograms.Run(argv, new ExecContext(pod, new ClusterNetwork(api)));
        if (result is null)
            return new ExecResult.Refused(ExecRefusal.NotSimulated,
                $"this playground's exec runs curl, wget, nslookup, hostname, sh, cat /etc/resolv.conf, and cat or ls of mounted volumes; \"{string.Join(' ', argv)}\" is not simulated");
        return new ExecResult.Ran(result.Output.Length == 0 ? [] : [new(ExecStream.Stdout, result.Output)], result.ExitCode);
    }
}
