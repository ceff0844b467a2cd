using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Core.Kubectl.Commands;

/// <summary>Finds the objects a scale/set/rollout command names, with kubectl's messages when none are named or one is missing.</summary>
public static class Workloads
{
    public const string NoResources = "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

    /// <summary>The named objects (or, with -l, the matching ones); names that do not exist are reported and skipped.</summary>
    public static IReadOnlyList<(ResourceType Type, KubeObject Object)> Find(CommandContext context, IReadOnlyList<string> args, string? missingMessage = null)
    {
        var selections = ResourceArgs.Parse(args, context.Resources);
        if (selections.Count == 0) throw KubectlException.Error(missingMessage ?? NoResources);
        var found = new List<(ResourceType, KubeObject)>();
        foreach (var selection in selections)
        {
            if (selection.Names.Count == 0)
            {
                var selector = context.Args.IsSet("selector") ? Selectors.Labels(context.Args.String("selector"), selection.Type) : null;
                if (selector is null && !context.Args.Bool("all"))
                    throw KubectlException.Error("resource(s) were provided, but no name was specified");
                found.AddRange(context.Api.List(selection.Type, context.Namespace, selector).Select(o => (selection.Type, o)));
                continue;
            }
            foreach (var name in selection.Names)
            {
                if (context.Api.TryGet(selection.Type, context.Namespace, name) is { } obj) found.Add((selection.Type, obj));
                else context.Error(ApiErrors.Format(ApiException.NotFound(selection.Type, name)));
            }
        }
        return found;
    }

    /// <summary>"Deployment.apps" as kubectl's polymorphic helpers name an unsupported kind.</summary>
    public static string GroupKind(ResourceType type) => type.QualifiedKind;

    /// <summary>"deployments.apps" as kubectl's patch errors name a resource.</summary>
    public static string Resource(ResourceType type) => type.QualifiedPlural;

    public static Deployment Deployment(ResourceType type, KubeObject obj, string helper) =>
        obj as Deployment ?? throw KubectlException.Error($"no {helper} has been implemented for {GroupKind(type)}");
}
