using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl set image deployment/NAME CONTAINER=IMAGE ...: changes images in a pod template (or a pod), "*" meaning every container.</summary>
public sealed class SetImageCommand : Command
{
    public override string Name => "image";
    public override string Summary => "Update the image of a pod template";
    public override string Usage => "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)."),
        Flag.Bool("all", null, "Select all resources, in the namespace of the specified resource types"),
    ];

    public override void Run(CommandContext context)
    {
        var positionals = context.Args.Positionals;
        var resources = positionals.Where(a => !a.Contains('=')).ToList();
        var images = positionals.Where(a => a.Contains('=')).Select(a => (Container: a[..a.IndexOf('=')], Image: a[(a.IndexOf('=') + 1)..])).ToList();
        if (resources.Count == 0) throw KubectlException.Error(Workloads.NoResources);
        if (images.Count == 0) throw KubectlException.Error("at least one image update is required");

        foreach (var (type, obj) in Workloads.Find(context, resources))
        {
            var spec = obj switch
            {
                Deployment d => d.Spec.Template.Spec,
                ReplicaSet rs => rs.Spec.Template?.Spec,
                StatefulSet set => set.Spec.Template.Spec,
                DaemonSet ds => ds.Spec.Template.Spec,
                Pod pod => pod.Spec,
                _ => null,
            };
            if (spec is null)
            {
                context.Error($"error: {ResourceArgs.Ref(type, obj.Metadata.Name)} the object is not a pod or does not have a pod template: {type.Kind}");
                continue;
            }
            var containers = spec.Containers.Concat(spec.InitContainers ?? []).ToList();
            var changed = false;
            var missing = false;
            foreach (var (name, image) in images)
            {
                var matching = containers.Where(c => name == "*" || c.Name == name).ToList();
                if (matching.Count == 0)
                {
                    context.Error($"error: unable to find container named \"{name}\"");
                    missing = true;
                    continue;
                }
                foreach (var container in matching.Where(c => c.Image != image))
                {
                    container.Image = image;
                    changed = true;
                }
            }
            if (missing || !changed) continue;
            context.Api.Update(obj, WriteContext.Kubectl);
            context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} image updated");
        }
    }
}
