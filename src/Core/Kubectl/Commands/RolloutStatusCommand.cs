using Playground.Core.Api.Apps;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl rollout status: the Deployment status viewer's message. Real kubectl keeps watching until the rollout
/// ends; this terminal answers at once with the current state, as kubectl does with --watch=false.
/// </summary>
public sealed class RolloutStatusCommand : Command
{
    public override string Name => "status";
    public override string Summary => "Show the status of the rollout";
    public override string Usage => "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("watch", 'w', "Watch the status of the rollout until it's done."),
        Flag.String("timeout", null, "The length of time to wait before ending watch, zero means never.", "0s"),
        RolloutCommand.Selector,
    ];

    public override void Run(CommandContext context)
    {
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            var d = Workloads.Deployment(type, obj, "status viewer");
            if (Status(d) is { } message) context.WriteLine(message);
            else context.Error($"error: deployment \"{d.Metadata.Name}\" exceeded its progress deadline");
        }
    }

    /// <summary>The status viewer's line for a Deployment; null once it has exceeded its progress deadline.</summary>
    public static string? Status(Deployment d)
    {
        var status = d.Status ?? new DeploymentStatus();
        var name = d.Metadata.Name;
        if ((d.Metadata.Generation ?? 0) > (status.ObservedGeneration ?? 0))
            return "Waiting for deployment spec update to be observed...";
        if (status.Conditions?.FirstOrDefault(c => c.Type == "Progressing")?.Reason == "ProgressDeadlineExceeded")
            return null;
        var updated = status.UpdatedReplicas ?? 0;
        if (d.Spec.Replicas is { } desired && updated < desired)
            return $"Waiting for deployment \"{name}\" rollout to finish: {updated} out of {desired} new replicas have been updated...";
        if ((status.Replicas ?? 0) > updated)
            return $"Waiting for deployment \"{name}\" rollout to finish: {(status.Replicas ?? 0) - updated} old replicas are pending termination...";
        if ((status.AvailableReplicas ?? 0) < updated)
            return $"Waiting for deployment \"{name}\" rollout to finish: {status.AvailableReplicas ?? 0} of {updated} updated replicas are available...";
        return $"deployment \"{name}\" successfully rolled out";
    }
}
