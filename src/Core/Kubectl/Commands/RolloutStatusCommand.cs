using Playground.Core.Api.Apps;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl rollout status: the status viewer's message for a Deployment, StatefulSet or DaemonSet. Real kubectl keeps watching until the rollout
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
            switch (obj)
            {
                case StatefulSet set:
                    Report(context, Status(set));
                    continue;
                case DaemonSet ds:
                    Report(context, Status(ds));
                    continue;
            }
            var d = Workloads.Deployment(type, obj, "status viewer");
            if (Status(d) is { } message) context.WriteLine(message);
            else context.Error($"error: deployment \"{d.Metadata.Name}\" exceeded its progress deadline");
        }
    }

    private static void Report(CommandContext context, (string? Message, string? Error) status)
    {
        if (status.Error is { } error) context.Error($"error: {error}");
        else context.WriteLine(status.Message!);
    }

    /// <summary>Upstream's StatefulSetStatusViewer; with the defaulted partition it reports a partitioned roll out.</summary>
    public static (string? Message, string? Error) Status(StatefulSet set)
    {
        var status = set.Status ?? new StatefulSetStatus();
        var strategy = set.Spec.UpdateStrategy;
        if (strategy?.Type != "RollingUpdate") return (null, "rollout status is only available for RollingUpdate strategy type");
        if ((status.ObservedGeneration ?? 0) == 0 || set.Metadata.Generation > status.ObservedGeneration)
            return ("Waiting for statefulset spec update to be observed...", null);
        if (set.Spec.Replicas is { } replicas && (status.ReadyReplicas ?? 0) < replicas)
            return ($"Waiting for {replicas - (status.ReadyReplicas ?? 0)} pods to be ready...", null);
        if (strategy.RollingUpdate is { } rolling)
        {
            if (set.Spec.Replicas is { } desired && rolling.Partition is { } partition && (status.UpdatedReplicas ?? 0) < desired - partition)
                return ($"Waiting for partitioned roll out to finish: {status.UpdatedReplicas ?? 0} out of {desired - partition} new pods have been updated...", null);
            return ($"partitioned roll out complete: {status.UpdatedReplicas ?? 0} new pods have been updated...", null);
        }
        if (status.UpdateRevision != status.CurrentRevision)
            return ($"waiting for statefulset rolling update to complete {status.UpdatedReplicas ?? 0} pods at revision {status.UpdateRevision}...", null);
        return ($"statefulset rolling update complete {status.CurrentReplicas ?? 0} pods at revision {status.CurrentRevision}...", null);
    }

    /// <summary>Upstream's DaemonSetStatusViewer.</summary>
    public static (string? Message, string? Error) Status(DaemonSet ds)
    {
        var status = ds.Status ?? new DaemonSetStatus();
        if (ds.Spec.UpdateStrategy?.Type != "RollingUpdate") return (null, "rollout status is only available for RollingUpdate strategy type");
        if (ds.Metadata.Generation > (status.ObservedGeneration ?? 0)) return ("Waiting for daemon set spec update to be observed...", null);
        var name = ds.Metadata.Name;
        if ((status.UpdatedNumberScheduled ?? 0) < status.DesiredNumberScheduled)
            return ($"Waiting for daemon set \"{name}\" rollout to finish: {status.UpdatedNumberScheduled ?? 0} out of {status.DesiredNumberScheduled} new pods have been updated...", null);
        if ((status.NumberAvailable ?? 0) < status.DesiredNumberScheduled)
            return ($"Waiting for daemon set \"{name}\" rollout to finish: {status.NumberAvailable ?? 0} of {status.DesiredNumberScheduled} updated pods are available...", null);
        return ($"daemon set \"{name}\" successfully rolled out", null);
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
