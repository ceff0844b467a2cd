using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl autoscale TYPE NAME --max=N [--min=N] [--cpu-percent=N]: creates the autoscaling/v1 HorizontalPodAutoscaler kubectl 1.32 sends, and prints it at v1.</summary>
public sealed class AutoscaleCommand : Command
{
    private static readonly string[] Scalable = ["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"];

    private const string V1 = "autoscaling/v1";

    public override string Name => "autoscale";
    public override string Summary => "Auto-scale a deployment, replica set, stateful set, or replication controller";
    public override string Usage => "kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Int("max", null, "The upper limit for the number of pods that can be set by the autoscaler. Required.", -1),
        Flag.Int("min", null, "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value.", -1),
        Flag.Int("cpu-percent", null, "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used.", -1),
        Flag.String("name", null, "The name for the newly created object. If not specified, the name of the input resource will be used."),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        var max = context.Args.Int("max") ?? -1;
        var min = context.Args.Int("min") ?? -1;
        var cpu = context.Args.Int("cpu-percent") ?? -1;
        if (max < 1) throw KubectlException.Error($"--max=MAXPODS is required and must be at least 1, max: {max}");
        if (max < min) throw KubectlException.Error($"--max=MAXPODS must be larger or equal to --min=MINPODS, max: {max}, min: {min}");
        var output = Output.Parse(context.Args.String("output"), tables: false);
        var dryRun = DryRun.Parse(context);
        var count = 0;
        foreach (var (type, target) in Workloads.Find(context, context.Args.Positionals))
        {
            if (!Scalable.Contains(type.Kind))
            {
                var gvr = $"{type.Group}/{type.Version}, Resource={type.Plural}";
                throw KubectlException.Error($"cannot autoscale a {type.Kind}: could not find scale subresource for {gvr} in discovery information");
            }
            var node = Build(context.Args.String("name") is { Length: > 0 } n ? n : target.Metadata.Name!, type, target.Metadata.Name!, min, max, cpu,
                context.NamespaceGiven ? context.Namespace : null);
            var hpa = context.Resources.Decode(node);
            // Sent to the target's namespace, which the server gives to the autoscaler.
            hpa.Metadata.Namespace = context.Namespace;
            var hpaType = context.Resources.ByKind(V1, "HorizontalPodAutoscaler")!;
            var created = hpaType.Served(DryRun.Write(dryRun) is { } write ? context.Api.Create(hpa, write) : hpa);
            if (output.Kind == OutputKind.Default) context.WriteLine($"{ResourceArgs.Ref(hpaType, hpa.Metadata.Name)} autoscaled{DryRun.Suffix(dryRun)}");
            else context.Write(dryRun == DryRunMode.Client && output.Kind != OutputKind.Name ? output.Render(node) : output.Print([created], asList: false, context.Resources));
            count++;
        }
        if (count == 0 && !context.Failed) throw KubectlException.Error("no objects passed to autoscale");
    }

    private static JsonObject Build(string name, ResourceType type, string targetName, int min, int max, int cpu, string? ns)
    {
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        var spec = new JsonObject
        {
            ["maxReplicas"] = max,
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind, ["name"] = targetName },
        };
        if (min >= 0) spec["minReplicas"] = min;
        if (cpu >= 0) spec["targetCPUUtilizationPercentage"] = cpu;
        return new JsonObject
        {
            ["apiVersion"] = V1,
            ["kind"] = "HorizontalPodAutoscaler",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = new JsonObject { ["currentReplicas"] = 0, ["desiredReplicas"] = 0 },
        };
    }
}
