using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl logs POD [-c CONTAINER]: what the container wrote, with kubectl's errors for containers that are not running.</summary>
public sealed class LogsCommand : Command
{
    private const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    public override string Name => "logs";
    public override string Summary => "Print the logs for a container in a pod";
    public override string Usage => "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("container", 'c', "Print the logs of this container"),
        Flag.Bool("follow", 'f', "Specify if the logs should be streamed."),
        Flag.Bool("previous", 'p', "If true, print the logs for the previous instance of the container in a pod if it exists."),
        Flag.Int("tail", null, "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines.", -1),
        Flag.Bool("timestamps", null, "Include timestamps on each line in the log output"),
        Flag.Bool("all-containers", null, "Get all containers' logs in the pod(s)."),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        if (args.Count == 0)
            throw new KubectlException("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
        if (args.Count > 2 || (args.Count == 2 && context.Args.IsSet("container")))
            throw KubectlException.Usage(context.Path, "only one of -c or an inline [CONTAINER] arg is allowed");

        var pod = FindPod(context, args[0]);
        var containers = context.Args.Bool("all-containers") ? pod.Spec.Containers : [PickContainer(context, pod, args.Count == 2 ? args[1] : context.Args.String("container"))];
        foreach (var container in containers) Print(context, pod, container);
    }

    internal static Pod FindPod(CommandContext context, string arg)
    {
        try
        {
            if (!arg.Contains('/')) return context.Api.Get<Pod>(context.Namespace, arg);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            throw NotFound(context, e);
        }
        var selection = ResourceArgs.Parse([arg], context.Resources)[0];
        var obj = context.Api.TryGet(selection.Type, context.Namespace, selection.Names[0])
            ?? throw NotFound(context, ApiException.NotFound(selection.Type, selection.Names[0]));
        if (obj is Pod pod) return pod;
        var selector = obj switch
        {
            Api.Apps.Deployment d => d.Spec.Selector,
            Api.Apps.ReplicaSet rs => rs.Spec.Selector,
            Api.Apps.StatefulSet set => set.Spec.Selector,
            Api.Apps.DaemonSet ds => ds.Spec.Selector,
            Api.Batch.Job job => job.Spec.Selector,
            Service { Spec.Selector: { Count: > 0 } labels } => new Api.Meta.LabelSelector { MatchLabels = labels },
            _ => throw KubectlException.Error($"cannot get the logs from {selection.Type.QualifiedKind}"),
        };
        var pods = context.Api.List<Pod>(context.Namespace, selector);
        if (pods.Count == 0) throw KubectlException.Error($"timed out waiting for the condition");
        var best = pods.Aggregate((best, pod) => LogsFirst(pod, best) ? pod : best);
        if (pods.Count > 1) context.WriteLine($"Found {pods.Count} pods, using pod/{best.Metadata.Name}");
        return best;
    }

    /// <summary>
    /// podutils.ByLogging: on a node before not, Running before Unknown before Pending, ready before not, ready longer,
    /// more restarts, then older; kubectl takes the first pod in that order, the earliest listed among equals.
    /// </summary>
    private static bool LogsFirst(Pod a, Pod b)
    {
        var (nodeA, nodeB) = (a.Spec.NodeName ?? "", b.Spec.NodeName ?? "");
        if (nodeA != nodeB && (nodeA.Length == 0 || nodeB.Length == 0)) return nodeA.Length > 0;
        static int Phase(Pod p) => p.Status?.Phase switch { "Running" => 0, "Unknown" => 1, "Pending" => 2, _ => 3 };
        if (Phase(a) != Phase(b)) return Phase(a) < Phase(b);
        var (readyA, readyB) = (Controllers.PodReadiness.IsReady(a), Controllers.PodReadiness.IsReady(b));
        if (readyA != readyB) return readyA;
        var (sinceA, sinceB) = (Controllers.PodReadiness.ReadySince(a), Controllers.PodReadiness.ReadySince(b));
        if (readyA && readyB && sinceA != sinceB) return BeforeOrZero(sinceA, sinceB);
        static int Restarts(Pod p) => p.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;
        if (Restarts(a) != Restarts(b)) return Restarts(a) > Restarts(b);
        var (createdA, createdB) = (a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp);
        return createdA != createdB && BeforeOrZero(createdA, createdB);
    }

    /// <summary>Go's afterOrZero read the other way round: a set time comes before a later or missing one.</summary>
    private static bool BeforeOrZero(DateTimeOffset? a, DateTimeOffset? b) => b is null || (a is not null && a < b);

    /// <summary>kubectl logs words a missing pod or workload its own way, naming the namespace.</summary>
    private static KubectlException NotFound(CommandContext context, ApiException e) =>
        KubectlException.Error($"error from server (NotFound): {e.Message} in namespace \"{context.Namespace}\"");

    internal static Container PickContainer(CommandContext context, Pod pod, string? name)
    {
        var all = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).ToList();
        if (name is not null)
            return all.FirstOrDefault(c => c.Name == name) ?? throw KubectlException.Error($"container {name} is not valid for pod {pod.Metadata.Name}");
        if (pod.Spec.Containers.Count == 1) return pod.Spec.Containers[0];
        var chosen = pod.Metadata.Annotations?.GetValueOrDefault(DefaultContainerAnnotation) is { } preferred
            ? pod.Spec.Containers.FirstOrDefault(c => c.Name == preferred) ?? pod.Spec.Containers[0]
            : pod.Spec.Containers[0];
        context.WriteLine($"Defaulted container \"{chosen.Name}\" out of: {string.Join(", ", pod.Spec.Containers.Select(c => c.Name))}");
        return chosen;
    }

    private static void Print(CommandContext context, Pod pod, Container container)
    {
        // The API server has no kubelet to ask for a pod not yet on a node, and answers with an empty log.
        if (string.IsNullOrEmpty(pod.Spec.NodeName)) return;
        var lines = Kubelet.ContainerLogs.Entries(context.Api, pod, container.Name, context.Args.Bool("previous"));
        var tail = context.Args.Int("tail") ?? -1;
        foreach (var (time, line) in tail >= 0 ? lines.TakeLast(tail) : lines)
            context.WriteLine(context.Args.Bool("timestamps") ? $"{KubeJson.FormatTime(time)[..^1]}.000000000Z {line}" : line);
    }
}
