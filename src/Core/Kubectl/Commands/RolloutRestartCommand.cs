using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl rollout restart: stamps the pod template with kubectl.kubernetes.io/restartedAt, which starts a new rollout.</summary>
public sealed class RolloutRestartCommand : Command
{
    public override string Name => "restart";
    public override string Summary => "Restart a resource";
    public override string Usage => "kubectl rollout restart RESOURCE";
    public override IReadOnlyList<Flag> Flags { get; } = [RolloutCommand.Selector];

    public override void Run(CommandContext context)
    {
        foreach (var (type, obj) in Workloads.Find(context, context.Args.Positionals, "required resource not specified"))
        {
            var template = obj switch
            {
                Api.Apps.Deployment d => d.Spec.Template,
                Api.Apps.StatefulSet or Api.Apps.DaemonSet => ControllerRevisions.Template(obj),
                _ => null,
            };
            if (template is null)
            {
                context.Error($"error: {Workloads.Resource(type)} \"{obj.Metadata.Name}\" restarting is not supported");
                continue;
            }
            if (obj is Api.Apps.Deployment { Spec.Paused: true })
            {
                context.Error($"error: {Workloads.Resource(type)} \"{obj.Metadata.Name}\" can't restart paused deployment (run rollout resume first)");
                continue;
            }
            var meta = template.Metadata ??= new Api.Meta.ObjectMeta();
            (meta.Annotations ??= [])["kubectl.kubernetes.io/restartedAt"] = KubeJson.FormatTime(context.Now);
            context.Api.Update(obj, WriteContext.Kubectl);
            context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} restarted");
        }
    }
}
