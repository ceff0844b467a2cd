using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Metrics;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl top pod|node: usage from the simulated metrics-server, printed as kubectl's metrics printer does (every cell tab-terminated).</summary>
public sealed class TopCommand : Command
{
    public override string Name => "top";
    public override string Summary => "Display resource (CPU/memory) usage";
    public override string Usage => "kubectl top [flags] [options]";
    public override bool Runnable => false;
    public override IReadOnlyList<Command> Subcommands { get; } = [new TopPodCommand(), new TopNodeCommand()];

    public override void Run(CommandContext context) { }

    internal static string Cpu(long milli) => $"{milli}m";

    internal static string Memory(long bytes) => $"{bytes / (1024 * 1024)}Mi";

    /// <summary>--sort-by, which kubectl checks before asking for anything.</summary>
    internal static string? SortBy(CommandContext context) => context.Args.String("sort-by") switch
    {
        null or "" => null,
        var field and ("cpu" or "memory") => field,
        _ => throw KubectlException.Error("--sort-by accepts only cpu or memory"),
    };

    internal static string Table(IEnumerable<string[]> rows, string[] header, bool noHeaders)
    {
        var tabs = TabWriter.ForTables();
        foreach (var row in noHeaders ? rows : rows.Prepend(header)) tabs.Write(string.Concat(row.Select(c => c + "\t")) + "\n");
        return tabs.ToString();
    }
}

public sealed class TopPodCommand : Command
{
    public override string Name => "pod";
    public override IReadOnlyList<string> Aliases => ["pods", "po"];
    public override string Summary => "Display resource (CPU/memory) usage of pods";
    public override string Usage => "kubectl top pod [NAME | -l label]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("all-namespaces", 'A', "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."),
        Flag.Bool("containers", null, "If present, print usage of containers within a pod."),
        Flag.Bool("no-headers", null, "If present, print output without headers."),
        Flag.String("sort-by", null, "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'."),
    ];

    public override void Run(CommandContext context)
    {
        var all = context.Args.Bool("all-namespaces");
        var ns = all ? null : context.Namespace;
        var sortBy = TopCommand.SortBy(context);
        var selector = context.Args.String("selector") is { Length: > 0 } text ? LabelSelectors.Parse(text) : null;
        var usage = MetricsServer.Pods(context.Api, ns).Where(u => selector is null || LabelSelectors.Matches(selector, u.Pod.Metadata.Labels));
        if (context.Args.Positionals is [var name, ..])
        {
            if (selector is not null) throw KubectlException.Error("only one of NAME or selector can be provided");
            // kubectl gets the one pod's metrics, which metrics-server refuses with NotFound when it has none.
            var pod = context.Api.TryGet<Pod>(context.Namespace, name) ?? throw MetricsObjects.PodNotFound(context.Resources, name);
            usage = usage.Where(u => u.Pod.Metadata.Uid == pod.Metadata.Uid);
            if (!usage.Any()) throw MetricsObjects.NoPodMetrics(context.Resources, context.Namespace, name);
        }
        var list = sortBy switch
        {
            "cpu" => usage.OrderByDescending(u => u.MilliCpu).ToList(),
            "memory" => usage.OrderByDescending(u => u.MemoryBytes).ToList(),
            _ => usage.OrderBy(u => u.Pod.Metadata.Namespace, StringComparer.Ordinal).ThenBy(u => u.Pod.Metadata.Name, StringComparer.Ordinal).ToList(),
        };
        if (list.Count == 0)
        {
            // As kubectl's verifyEmptyMetrics: pods of the current namespace (even with -A) that are old enough should have had metrics.
            var pods = context.Api.List<Pod>(context.Namespace, selector);
            if (pods.FirstOrDefault(p => context.Now - (p.Metadata.CreationTimestamp ?? context.Now) > MetricsCreationDelay) is { } old)
                throw KubectlException.Error($"Metrics not available for pod {old.Metadata.Namespace}/{old.Metadata.Name}, age: {GoAge(old, context.Now)}");
            if (pods.Count > 0) throw KubectlException.Error("metrics not available yet");
            context.WriteLine(all ? "No resources found" : $"No resources found in {context.Namespace} namespace.");
            return;
        }
        var containers = context.Args.Bool("containers");
        string[] names = containers ? ["POD", "NAME"] : ["NAME"];
        string[] header = [.. all ? ["NAMESPACE"] : Array.Empty<string>(), .. names, "CPU(cores)", "MEMORY(bytes)"];
        var rows = list.SelectMany(u => containers
            ? u.Containers.Select(c => Row(all, u.Pod, [u.Pod.Metadata.Name!, c.Name], c.MilliCpu, c.MemoryBytes))
            : new[] { Row(all, u.Pod, [u.Pod.Metadata.Name!], u.MilliCpu, u.MemoryBytes) });
        context.Write(TopCommand.Table(rows, header, context.Args.Bool("no-headers")));
    }

    private static string[] Row(bool all, Pod pod, string[] names, long cpu, long memory) =>
        [.. all ? [pod.Metadata.Namespace!] : Array.Empty<string>(), .. names, TopCommand.Cpu(cpu), TopCommand.Memory(memory)];

    /// <summary>How long kubectl expects a new pod to go without metrics before it says they are missing.</summary>
    private static readonly TimeSpan MetricsCreationDelay = TimeSpan.FromMinutes(2);

    /// <summary>Go's Duration.String of the pod's age, as kubectl's message prints it.</summary>
    private static string GoAge(Pod pod, DateTimeOffset now) =>
        Kubelet.GoDuration.Format(now - (pod.Metadata.CreationTimestamp ?? now));
}

public sealed class TopNodeCommand : Command
{
    public override string Name => "node";
    public override IReadOnlyList<string> Aliases => ["nodes", "no"];
    public override string Summary => "Display resource (CPU/memory) usage of nodes";
    public override string Usage => "kubectl top node [NAME | -l label]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."),
        Flag.Bool("no-headers", null, "If present, print output without headers."),
        Flag.String("sort-by", null, "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'."),
    ];

    public override void Run(CommandContext context)
    {
        var sortBy = TopCommand.SortBy(context);
        var usage = MetricsServer.Nodes(context.Api).AsEnumerable();
        if (context.Args.String("selector") is { Length: > 0 } selector)
        {
            var parsed = LabelSelectors.Parse(selector);
            usage = usage.Where(u => LabelSelectors.Matches(parsed, u.Node.Metadata.Labels));
        }
        if (context.Args.Positionals is [var name, ..])
        {
            if (context.Api.TryGet<Node>(null, name) is null) throw MetricsObjects.NodeNotFound(context.Resources, name);
            usage = usage.Where(u => u.Node.Metadata.Name == name);
        }
        var list = sortBy switch
        {
            "cpu" => usage.OrderByDescending(u => u.MilliCpu).ToList(),
            "memory" => usage.OrderByDescending(u => u.MemoryBytes).ToList(),
            _ => usage.OrderBy(u => u.Node.Metadata.Name, StringComparer.Ordinal).ToList(),
        };
        if (list.Count == 0) throw KubectlException.Error("metrics not available yet");
        var rows = list.Select(u => new[]
        {
            u.Node.Metadata.Name!, TopCommand.Cpu(u.MilliCpu), Percent(u.MilliCpu, u.AllocatableMilliCpu),
            TopCommand.Memory(u.MemoryBytes), Percent(u.MemoryBytes, u.AllocatableMemoryBytes),
        });
        context.Write(TopCommand.Table(rows, ["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"], context.Args.Bool("no-headers")));
    }

    private static string Percent(long used, long available) => available == 0 ? "<unknown>" : $"{(int)((double)used / available * 100)}%";
}
