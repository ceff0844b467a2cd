using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl delete TYPE NAME | TYPE/NAME | -l selector | --all | -f -: deletes and reports each, e.g. pod "web" deleted.</summary>
public sealed class DeleteCommand : Command
{
    public override string Name => "delete";
    public override string Summary => "Delete resources by file names, stdin, resources and names, or by resources and label selector";
    public override string Usage => "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Strings("filename", 'f', "containing the resource to delete; \"-\" reads standard input."),
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)."),
        Flag.Bool("all", null, "Delete all resources, in the namespace of the specified resource types."),
        Flag.Bool("all-namespaces", 'A', "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        Flag.Int("grace-period", null, "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).", -1),
        Flag.Bool("force", null, "If true, immediately remove resources from API and bypass graceful deletion."),
        Flag.Bool("now", null, "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
        Flag.Bool("wait", null, "If true, wait for resources to be gone before returning. This waits for finalizers."),
        Flag.String("cascade", null, "Must be \"background\", \"orphan\", or \"foreground\". Defaults to background.", "background"),
        Flag.Bool("ignore-not-found", null, "Treat \"resource not found\" as a successful delete."),
    ];

    public override void Run(CommandContext context)
    {
        var options = Options(context);
        var force = context.Args.Bool("force") && options.GracePeriodSeconds == 0;
        if (context.Args.Bool("force"))
            context.WriteLine("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");

        foreach (var (type, ns, name) in Targets(context))
        {
            try
            {
                context.Api.Delete(type, ns, name, WriteContext.Kubectl, options);
                context.WriteLine($"{ResourceArgs.Qualified(type)} \"{name}\" {(force ? "force deleted" : "deleted")}");
            }
            catch (ApiException e) when (e.Code == 404 && context.Args.Bool("ignore-not-found"))
            {
            }
            catch (ApiException e)
            {
                context.Error(e);
            }
        }
    }

    private static IEnumerable<(ResourceType Type, string? Namespace, string Name)> Targets(CommandContext context)
    {
        if (context.Args.IsSet("filename"))
            return Manifests.Read(context, "delete").Select(m => (m.Type, m.Namespace, m.Name)).ToList();

        var selections = ResourceArgs.Parse(context.Args.Positionals, context.Resources);
        if (selections.Count == 0) throw KubectlException.Error(Workloads.NoResources);
        var ns = context.Args.Bool("all-namespaces") ? null : context.Namespace;
        var targets = new List<(ResourceType, string?, string)>();
        foreach (var selection in selections)
        {
            if (selection.Names.Count > 0)
            {
                targets.AddRange(selection.Names.Select(n => (selection.Type, (string?)context.Namespace, n)));
                continue;
            }
            if (!context.Args.IsSet("selector") && !context.Args.Bool("all"))
                throw KubectlException.Error("resource(s) were provided, but no name was specified");
            var selector = Selectors.Labels(context.Args.String("selector"), selection.Type);
            targets.AddRange(context.Api.List(selection.Type, ns, selector).Select(o => (selection.Type, o.Metadata.Namespace, o.Metadata.Name!)));
        }
        if (targets.Count == 0) context.WriteLine("No resources found");
        return targets;
    }

    /// <summary>kubectl's rules: --now is one second, --force alone is zero, and zero without --force becomes one.</summary>
    private static DeleteOptions Options(CommandContext context)
    {
        var grace = context.Args.Int("grace-period") ?? -1;
        if (context.Args.Bool("now")) grace = 1;
        if (context.Args.Bool("force") && grace < 0) grace = 0;
        if (grace == 0 && !context.Args.Bool("force")) grace = 1;
        var cascade = context.Args.String("cascade") switch
        {
            null or "background" or "true" => "Background",
            "foreground" => "Foreground",
            "orphan" or "false" => "Orphan",
            var other => throw KubectlException.Error($"invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\"."),
        };
        return new DeleteOptions { GracePeriodSeconds = grace >= 0 ? grace : null, PropagationPolicy = cascade };
    }
}
