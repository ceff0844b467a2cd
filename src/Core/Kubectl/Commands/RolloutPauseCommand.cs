using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout pause and resume: set or clear a Deployment's spec.paused.</summary>
public sealed class RolloutPauseCommand(bool pause) : Command
{
    public override string Name => pause ? "pause" : "resume";
    public override string Summary => pause ? "Mark the provided resource as paused" : "Resume a paused resource";
    public override string Usage => $"kubectl rollout {Name} RESOURCE";
    public override IReadOnlyList<Flag> Flags { get; } = [RolloutCommand.Selector];

    public override void Run(CommandContext context)
    {
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            if (obj is not Api.Apps.Deployment d)
            {
                context.Error($"error: {Workloads.Resource(type)} \"{obj.Metadata.Name}\" {(pause ? "pausing" : "resuming")} is not supported");
                continue;
            }
            if ((d.Spec.Paused == true) == pause)
            {
                context.Error($"error: {Workloads.Resource(type)} \"{d.Metadata.Name}\" {(pause ? "is already paused" : "is not paused")}");
                continue;
            }
            d.Spec.Paused = pause ? true : null;
            context.Api.Update(d, WriteContext.Kubectl);
            context.WriteLine($"{ResourceArgs.Ref(type, d.Metadata.Name)} {(pause ? "paused" : "resumed")}");
        }
    }
}
