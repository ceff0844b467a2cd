using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Volumes;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Networking.Programs;
using Playground.Core.Networking.Traffic;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl exec POD [-c CONTAINER] -- COMMAND [args...]: runs a program in a running container, as the container
/// runtime would find it in the image; the network programs (curl, wget, nslookup) talk to the simulated cluster network,
/// and cat and ls read the pod's mounted volumes.
/// </summary>
public sealed class ExecCommand : Command
{
    private const string UsageLine = "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]";

    public override string Name => "exec";
    public override string Summary => "Execute a command in a container";
    public override string Usage => "kubectl " + UsageLine;

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("container", 'c', "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"),
        Flag.Bool("stdin", 'i', "Pass stdin to the container"),
        Flag.Bool("tty", 't', "Stdin is a TTY"),
        Flag.Bool("quiet", 'q', "Only print output from the remote session"),
        Flag.String("pod-running-timeout", null, "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running", "1m0s"),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        if (args.Count == 0)
            throw new KubectlException($"error: expected '{UsageLine}'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples");
        var dash = context.Args.ArgsLenAtDash;
        if (dash is null && args.Count > 1)
            throw new KubectlException("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
        if (dash is > 1) throw KubectlException.Usage(context.Path, "exec takes exactly one POD or TYPE/NAME before --");
        var command = args.Skip(1).ToList();
        if (command.Count == 0) throw new KubectlException("error: you must specify at least one command for the container");

        var pod = LogsCommand.FindPod(context, args[0]);
        if (pod.Status?.Phase is "Succeeded" or "Failed")
            throw new KubectlException($"error: cannot exec into a container in a completed pod; current phase is {pod.Status.Phase}");
        var node = pod.Spec.NodeName is { } nodeName ? context.Api.TryGet<Api.Core.Node>(null, nodeName) : null;
        // The API server reaches the container through the node's kubelet, which a powered-off machine does not answer.
        if (Machines.IsOff(node))
            throw new KubectlException($"Error from server: error dialing backend: dial tcp {Machines.InternalIp(node)}:10250: connect: no route to host");
        var container = LogsCommand.PickContainer(context, pod, context.Args.String("container"));
        if (pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == container.Name)?.State?.Running is null)
            throw new KubectlException($"error: unable to upgrade connection: container not found (\"{container.Name}\")");

        var image = ImageReference.Parse(container.Image ?? "");
        var program = command[0].Split('/')[^1];
        // cat and ls of mounted volumes first: the other programs know the network, not the pod's files.
        var result = FileCommands.Run(command, context.Api, pod, container);
        if (result is null && !ContainerPrograms.Has(image, program))
            throw new KubectlException($"OCI runtime exec failed: exec failed: unable to start container process: exec: \"{command[0]}\": executable file not found in $PATH: unknown\ncommand terminated with exit code 126", 126);
        result ??= ContainerPrograms.Run(command, new ExecContext(pod, new ClusterNetwork(context.Api)))
            ?? throw KubectlException.Error($"this playground's exec runs curl, wget, nslookup, hostname, cat /etc/resolv.conf, and cat or ls of mounted volumes; \"{string.Join(' ', command)}\" is not simulated");
        context.Write(result.Output);
        if (result.ExitCode != 0) throw new KubectlException($"command terminated with exit code {result.ExitCode}", result.ExitCode);
    }
}
