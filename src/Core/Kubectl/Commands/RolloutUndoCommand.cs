using Playground.Core.Api.Apps;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout undo: copies an earlier revision's pod template back into the Deployment (with its annotations), StatefulSet or DaemonSet.</summary>
public sealed class RolloutUndoCommand : Command
{
    /// <summary>Deployment annotations a rollback keeps rather than taking from the old ReplicaSet (upstream's annotationsToSkip).</summary>
    private static readonly string[] KeptAnnotations =
    [
        ApplyCommand.LastAppliedAnnotation, Revisions.RevisionAnnotation, Revisions.HistoryAnnotation,
        Revisions.DesiredReplicasAnnotation, Revisions.MaxReplicasAnnotation, "deprecated.deployment.rollback.to",
    ];

    public override string Name => "undo";
    public override string Summary => "Undo a previous rollout";
    public override string Usage => "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Int("to-revision", null, "The revision to rollback to. Default to 0 (last revision).", 0),
        RolloutCommand.Selector,
    ];

    public override void Run(CommandContext context)
    {
        var toRevision = context.Args.Int("to-revision") ?? 0;
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            if (obj is StatefulSet or DaemonSet)
            {
                context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} {ControllerRevisions.Rollback(context.Api, obj, toRevision)}");
                continue;
            }
            var d = Workloads.Deployment(type, obj, "rollbacker");
            var name = ResourceArgs.Ref(type, d.Metadata.Name);
            if (d.Spec.Paused == true)
            {
                context.Error($"error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
                continue;
            }
            var target = Target(DeploymentRevisions.Owned(context.Api, d), toRevision, d.Metadata.Name!);
            if (Templates.EqualIgnoreHash(target.Spec.Template, d.Spec.Template))
            {
                context.WriteLine($"{name} skipped rollback (current template already matches revision {Revisions.Of(target)})");
                continue;
            }
            d.Spec.Template = DeploymentRevisions.Unhashed(target.Spec.Template!);
            var annotations = (d.Metadata.Annotations ?? []).Where(a => KeptAnnotations.Contains(a.Key)).ToDictionary();
            foreach (var (key, value) in target.Metadata.Annotations ?? [])
                if (!KeptAnnotations.Contains(key)) annotations[key] = value;
            d.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
            context.Api.Update(d, WriteContext.Kubectl);
            context.WriteLine($"{name} rolled back");
        }
    }

    /// <summary>The ReplicaSet of the asked revision, or of the one before the latest (upstream's deploymentRevision).</summary>
    private static ReplicaSet Target(IReadOnlyList<ReplicaSet> owned, long toRevision, string deployment)
    {
        var revisions = owned.Select(rs => (Revision: Revisions.Of(rs), Set: rs)).Where(r => r.Revision > 0 && r.Set.Spec.Template is not null).ToList();
        if (toRevision > 0)
            return revisions.FirstOrDefault(r => r.Revision == toRevision).Set
                ?? throw KubectlException.Error($"unable to find specified revision {toRevision} in history");
        var ordered = revisions.OrderByDescending(r => r.Revision).ToList();
        return ordered.Count >= 2 ? ordered[1].Set : throw KubectlException.Error($"no rollout history found for deployment \"{deployment}\"");
    }
}
