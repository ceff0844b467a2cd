using Playground.Core.Controllers.Deployments;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Kubectl.Printers.Describe;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout history: a Deployment's revisions (its ReplicaSets) with their change causes, or one revision's template.</summary>
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

    public override void Run(CommandContext context)
    {
        var revision = context.Args.Int("revision") ?? 0;
        if (revision < 0) throw KubectlException.Error($"revision must be a positive integer: {revision}");
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            var d = Workloads.Deployment(type, obj, "history viewer");
            var history = DeploymentRevisions.Owned(context.Api, d)
                .Select(rs => (Revision: Revisions.Of(rs), ReplicaSet: rs))
                .Where(r => r.Revision > 0)
                .GroupBy(r => r.Revision).ToDictionary(g => g.Key, g => g.Last().ReplicaSet);

            string text;
            if (revision > 0)
            {
                if (!history.TryGetValue(revision, out var rs)) throw KubectlException.Error("unable to find the specified revision");
                var w = new DescribeWriter();
                PodTemplateSection.Write(w, rs.Spec.Template);
                text = w.ToString();
            }
            else if (history.Count == 0)
                text = "No rollout history found.";
            else
            {
                var table = new TabWriter(0, 2).Write("REVISION\tCHANGE-CAUSE\n");
                foreach (var (number, rs) in history.OrderBy(h => h.Key))
                {
                    var cause = rs.Metadata.Annotations?.GetValueOrDefault(DeploymentRevisions.ChangeCauseAnnotation);
                    table.Write($"{number}\t{(string.IsNullOrEmpty(cause) ? "<none>" : cause)}\n");
                }
                text = table.ToString();
            }
            var header = revision > 0 ? $"with revision #{revision}" : "";
            context.WriteLine($"{ResourceArgs.Ref(type, d.Metadata.Name)} {header}\n{text}");
        }
    }
}
