using Playground.Core.Kubelet;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl exec POD [-c CONTAINER] [-i] -- COMMAND [args...]: runs a program in a running container through
/// ContainerExec, the implementation the Kubernetes API's pods/exec shares; with -i, sh reads the terminal's input.
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
        if (ContainerExec.Completed(pod) is { } completed) throw KubectlException.Error(completed.Message);
        var container = LogsCommand.PickContainer(context, pod, context.Args.String("container"));
        switch (ContainerExec.Run(context.Api, pod, container, command, context.Args.Bool("stdin") ? context.Stdin : null))
        {
            // The API server answers for a kubelet it cannot dial; the other refusals kubectl words itself.
            case ExecResult.Refused { Reason: ExecRefusal.NodeUnreachable } refused:
                throw new KubectlException($"Error from server: {refused.Message}");
            case ExecResult.Refused refused:
                throw KubectlException.Error(refused.Message);
            case ExecResult.Ran ran:
                context.Write(ran.Output);
                if (ran.ExitCode != 0) throw new KubectlException($"command terminated with exit code {ran.ExitCode}", ran.ExitCode);
                break;
        }
    }
}
