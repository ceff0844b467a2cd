using Playground.Core.Controllers.Deployments;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Kubectl.Printers.Describe;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout history: a workload's revisions with their change causes, or one revision's template.</summary>
public sealed class RolloutHistoryCommand : Command
{
    public override string Name => "history";
    public override string Summary => "View rollout history";
    public override string Usage => "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Int("revision", null, "See the details, including podTemplate of the revision specified", 0),
        RolloutCommand.Selector,
    ];

    /// <summary>
    /// A workload's revisions by number: a Deployment's ReplicaSets, or a StatefulSet's or DaemonSet's
    /// ControllerRevisions, each with what carries its change cause and the template it ran.
    /// </summary>
    private static Dictionary<long, (Api.Meta.KubeObject Owner, Api.Core.PodTemplateSpec? Template)> History(ApiServer.ResourceType type, Api.Meta.KubeObject obj, ApiServer.ApiServer api)
    {
        if (obj is Api.Apps.StatefulSet or Api.Apps.DaemonSet)
            return ControllerRevisions.Owned(api, obj).ToDictionary(r => r.Key, r => ((Api.Meta.KubeObject)r.Value, (Api.Core.PodTemplateSpec?)Controllers.History.ControllerHistory.Template(r.Value)));
        var d = Workloads.Deployment(type, obj, "history viewer");
        return DeploymentRevisions.Owned(api, d)
            .Select(rs => (Revision: Revisions.Of(rs), ReplicaSet: rs))
            .Where(r => r.Revision > 0)
            .GroupBy(r => r.Revision).ToDictionary(g => g.Key, g => ((Api.Meta.KubeObject)g.Last().ReplicaSet, g.Last().ReplicaSet.Spec.Template));
    }

    public override void Run(CommandContext context)
    {
        var revision = context.Args.Int("revision") ?? 0;
        if (revision < 0) throw KubectlException.Error($"revision must be a positive integer: {revision}");
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            var history = History(type, obj, context.Api);

            string text;
            if (revision > 0)
            {
                if (!history.TryGetValue(revision, out var entry)) throw KubectlException.Error("unable to find the specified revision");
                var w = new DescribeWriter();
                PodTemplateSection.Write(w, entry.Template);
                text = w.ToString();
            }
            else if (history.Count == 0)
                text = "No rollout history found.";
            else
            {
                var table = new TabWriter(0, 2).Write("REVISION\tCHANGE-CAUSE\n");
                foreach (var (number, entry) in history.OrderBy(h => h.Key))
                {
                    var cause = entry.Owner.Metadata.Annotations?.GetValueOrDefault(DeploymentRevisions.ChangeCauseAnnotation);
                    table.Write($"{number}\t{(string.IsNullOrEmpty(cause) ? "<none>" : cause)}\n");
                }
                text = table.ToString();
            }
            var header = revision > 0 ? $"with revision #{revision}" : "";
            context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} {header}\n{text}");
        }
    }
}
