using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Controllers;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands.Nodes;

/// <summary>
/// kubectl drain NODE: cordons the node, refuses (or with flags, warns about) pods it cannot safely remove, then evicts
/// the rest through the eviction subresource, so PodDisruptionBudgets are respected.
/// </summary>
public sealed class DrainCommand : Command
{
    public override string Name => "drain";
    public override string Summary => "Drain node in preparation for maintenance";
    public override string Usage => "kubectl drain NODE [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("ignore-daemonsets", null, "Ignore DaemonSet-managed pods."),
        Flag.Bool("delete-emptydir-data", null, "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
        Flag.Bool("delete-local-data", null, "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)."),
        Flag.Bool("force", null, "Continue even if there are pods that do not declare a controller."),
        Flag.Int("grace-period", null, "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.", -1),
        Flag.String("timeout", null, "The length of time to wait before giving up, zero means infinite", "0s"),
        Flag.Bool("disable-eviction", null, "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution."),
        Flag.String("pod-selector", null, "Label selector to filter pods on the node"),
        CordonCommand.Selector,
    ];

    public override void Run(CommandContext context)
    {
        var nodes = NodeArgs.Find(context, "drain NODE");
        foreach (var node in nodes) NodeArgs.SetUnschedulable(context, node, true);
        var pending = new List<string>();
        string? fatal = null;
        foreach (var node in nodes)
        {
            if (Drain(context, node.Metadata.Name!) is not { } problem)
            {
                context.WriteLine($"node/{node.Metadata.Name} drained");
                continue;
            }
            if (problem.Length == 0)
            {
                context.Failed = true;
                continue;
            }
            context.WriteLine($"error: unable to drain node \"{node.Metadata.Name}\" due to error: {problem}, continuing command...");
            pending.Add(node.Metadata.Name!);
            fatal = problem;
        }
        if (fatal is null) return;
        context.WriteLine("There are pending nodes to be drained:");
        foreach (var name in pending) context.WriteLine($" {name}");
        throw KubectlException.Error(fatal);
    }

    /// <summary>
    /// One node: null when drained; an error to report; or "" when a disruption budget made evictions wait. Real kubectl
    /// then retries every 5 s until --timeout, but this terminal cannot wait in the sandbox's time, so it prints the first
    /// attempt exactly as kubectl does and the user runs drain again once replacements are ready.
    /// </summary>
    private static string? Drain(CommandContext context, string nodeName)
    {
        var podSelector = context.Args.String("pod-selector");
        var pods = (string.IsNullOrEmpty(podSelector) ? context.Api.List<Pod>() : context.Api.List<Pod>(null, podSelector))
            .Where(p => p.Spec.NodeName == nodeName).ToList();
        var verdicts = pods.Select(p => (Pod: p, Verdict: Judge(context, p))).ToList();
        var errors = Grouped(verdicts.Where(v => v.Verdict.Error is not null).Select(v => (v.Verdict.Error!, v.Pod)));
        if (errors.Count > 0) return errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]";
        var warnings = Grouped(verdicts.SelectMany(v => v.Verdict.Warnings.Select(w => (w, v.Pod))));
        if (warnings.Count > 0) context.WriteLine($"Warning: {string.Join("; ", warnings)}");

        var grace = context.Args.Int("grace-period") is >= 0 and var g ? new DeleteOptions { GracePeriodSeconds = g } : null;
        var doomed = verdicts.Where(v => v.Verdict.Delete).Select(v => v.Pod).ToList();
        var evicted = new List<Pod>();
        var retries = new List<string>();
        var failures = new List<string>();
        foreach (var pod in doomed)
        {
            var ns = pod.Metadata.Namespace!;
            var name = pod.Metadata.Name!;
            if (context.Args.Bool("disable-eviction"))
            {
                TryDelete(() => context.Api.Delete<Pod>(ns, name, WriteContext.Kubectl, grace), evicted, pod, failures, $"error when deleting pods/\"{name}\" -n \"{ns}\"");
                continue;
            }
            context.WriteLine($"evicting pod {ns}/{name}");
            try
            {
                context.Api.Evict(ns, name, WriteContext.Kubectl, grace);
                evicted.Add(pod);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                evicted.Add(pod);
            }
            catch (ApiException e) when (e.Code == 429)
            {
                retries.Add($"error when evicting pods/\"{name}\" -n \"{ns}\" (will retry after 5s): {e.Message}");
            }
            catch (ApiException e)
            {
                failures.Add($"error when evicting pods/\"{name}\" -n \"{ns}\": {e.Message}");
            }
        }
        foreach (var line in retries) context.WriteLine(line);
        var verb = context.Args.Bool("disable-eviction") ? "deleted" : "evicted";
        foreach (var pod in evicted) context.WriteLine($"pod/{pod.Metadata.Name} {verb}");
        if (failures.Count > 0) return failures.Count == 1 ? failures[0] : $"[{string.Join(", ", failures)}]";
        return retries.Count > 0 ? "" : null;
    }

    private static void TryDelete(Action delete, List<Pod> done, Pod pod, List<string> failures, string what)
    {
        try
        {
            delete();
            done.Add(pod);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            done.Add(pod);
        }
        catch (ApiException e)
        {
            failures.Add($"{what}: {e.Message}");
        }
    }

    /// <summary>The drain filters in upstream's order: DaemonSet pods, mirror pods, local storage, pods without a controller.</summary>
    private static Verdict Judge(CommandContext context, Pod pod)
    {
        var warnings = new List<string>();
        var owner = ControllerRefs.ControllerOf(pod);
        if (owner?.Kind == "DaemonSet")
        {
            return context.Args.Bool("ignore-daemonsets")
                ? new Verdict(false, null, ["ignoring DaemonSet-managed Pods"])
                : new Verdict(false, "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)", []);
        }
        if (pod.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") == true) return new Verdict(false, null, []);
        var finished = pod.Status?.Phase is "Succeeded" or "Failed";
        if (!finished && (pod.Spec.Volumes ?? []).Any(v => v.EmptyDir is not null))
        {
            if (!context.Args.Bool("delete-emptydir-data") && !context.Args.Bool("delete-local-data"))
                return new Verdict(false, "cannot delete Pods with local storage (use --delete-emptydir-data to override)", []);
            warnings.Add("deleting Pods with local storage");
        }
        if (owner is null && !finished)
        {
            if (!context.Args.Bool("force")) return new Verdict(false, "cannot delete Pods that declare no controller (use --force to override)", []);
            warnings.Add("deleting Pods that declare no controller");
        }
        return new Verdict(true, null, warnings);
    }

    /// <summary>Messages as kubectl prints them: each reason once, followed by the pods it applies to.</summary>
    private static List<string> Grouped(IEnumerable<(string Message, Pod Pod)> items) =>
        items.GroupBy(i => i.Message)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => $"{i.Pod.Metadata.Namespace}/{i.Pod.Metadata.Name}"))}")
            .ToList();

    private sealed record Verdict(bool Delete, string? Error, List<string> Warnings);
}
