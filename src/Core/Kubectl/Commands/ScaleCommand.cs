using Playground.Core.Api.Apps;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl scale deployment NAME --replicas=N (and replica sets, stateful sets): sets spec.replicas, as the scale subresource does.</summary>
public sealed class ScaleCommand : Command
{
    public override string Name => "scale";
    public override string Summary => "Set a new size for a deployment, replica set, or replication controller";
    public override string Usage => "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Int("replicas", null, "The new desired number of replicas. Required.", 0),
        Flag.Int("current-replicas", null, "Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.", -1),
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)."),
        Flag.Bool("all", null, "Select all resources in the namespace of the specified resource types"),
    ];

    public override void Run(CommandContext context)
    {
        if (!context.Args.IsSet("replicas")) throw KubectlException.Error("required flag(s) \"replicas\" not set");
        var replicas = context.Args.Int("replicas")!.Value;
        if (replicas < 0) throw KubectlException.Error("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        var targets = Workloads.Find(context, context.Args.Positionals);
        var current = context.Args.Int("current-replicas") ?? -1;
        foreach (var (type, obj) in targets)
        {
            int? had;
            switch (obj)
            {
                case Deployment d: had = d.Spec.Replicas; d.Spec.Replicas = replicas; break;
                case ReplicaSet rs: had = rs.Spec.Replicas; rs.Spec.Replicas = replicas; break;
                case StatefulSet set: had = set.Spec.Replicas; set.Spec.Replicas = replicas; break;
                default:
                    context.Error("Error from server (NotFound): the server could not find the requested resource");
                    continue;
            }
            if (current >= 0 && had != current)
            {
                context.Error($"error: Expected replicas to be {current}, was {had ?? 0}");
                continue;
            }
            context.Api.Update(obj, WriteContext.Kubectl);
            context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} scaled");
        }
    }
}
