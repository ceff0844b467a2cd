using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Kubectl.Printers.Tables;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl get: tables (server-side columns), -o wide|yaml|json|name, several types at once, -l, -A, --sort-by.</summary>
public sealed class GetCommand : Command
{
    public override string Name => "get";
    public override string Summary => "Display one or many resources";
    public override string Usage => "kubectl get [(-o|--output=)json|yaml|name|jsonpath|custom-columns|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name, jsonpath, custom-columns, wide)."),
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2)."),
        Flag.String("field-selector", null, "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2)."),
        Flag.Bool("all-namespaces", 'A', "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace."),
        Flag.Strings("label-columns", 'L', "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2..."),
        Flag.Bool("show-labels", null, "When printing, show all labels as the last column (default hide labels column)"),
        Flag.Bool("show-kind", null, "If present, list the resource type for the requested object(s)."),
        Flag.Bool("no-headers", null, "When using the default or custom-column output format, don't print headers (default print headers)."),
        Flag.Bool("ignore-not-found", null, "If the requested object does not exist the command will return exit code 0."),
        Flag.Bool("watch", 'w', "After listing/getting the requested object, watch for changes."),
        Flag.String("sort-by", null, "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string."),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args;
        var selections = ResourceArgs.Parse(args.Positionals, context.Resources);
        if (selections.Count == 0)
            throw new KubectlException("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\n"
                + "error: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples");
        var output = Output.Parse(args.String("output"), tables: true);
        var allNamespaces = args.Bool("all-namespaces");
        var byName = selections.Any(s => s.Names.Count > 0);
        if (byName && args.IsSet("selector"))
            throw KubectlException.Error("name cannot be provided when a selector is specified");
        if (byName && allNamespaces)
            throw KubectlException.Error("a resource cannot be retrieved by name across all namespaces");

        var found = new List<(ResourceType Type, IReadOnlyList<KubeObject> Objects)>();
        var errors = new List<string>();
        foreach (var selection in selections)
            found.Add((selection.Type, Fetch(context, selection, allNamespaces ? null : context.Namespace, errors)));
        var sortBy = args.String("sort-by") is { Length: > 0 } field ? field : null;
        // kubectl sorts the tables it got (a kind listed, or each object named), then each table's rows.
        if (sortBy is not null && output.IsTable)
        {
            SortBy.CheckTables(selections.Zip(found, (s, f) => s.Names.Count == 0 ? 1 : f.Objects.Count).Sum(), sortBy);
            found = found.Select(f => (f.Type, SortBy.Rows(f.Objects, sortBy, context.Now) ?? [])).ToList();
        }

        if (output.IsTable)
            PrintTables(context, found, output.Kind == OutputKind.Wide, allNamespaces, errors.Count > 0);
        else
        {
            var single = selections.Count == 1 && selections[0].Names.Count == 1;
            IReadOnlyList<KubeObject> objects = found.SelectMany(f => f.Objects).ToList();
            if (sortBy is not null && !single) objects = SortBy.Items(objects, sortBy, context.Now);
            // kubectl prints an empty List for yaml and json; other formats print nothing, and it says so.
            var text = objects.Count > 0 || errors.Count == 0 ? output.Print(objects, asList: !single, context.Resources, args.Bool("no-headers")) : "";
            if (text.Length > 0) context.Write(text);
            else if (errors.Count == 0) context.WriteLine(NoneFound(context, allNamespaces));
        }
        foreach (var error in errors) context.Error(error);
        if (args.Bool("watch"))
            context.WriteLine("(watch: this terminal prints once; the cluster view shows every change as it happens)");
    }

    private IReadOnlyList<KubeObject> Fetch(CommandContext context, ResourceSelection selection, string? ns, List<string> errors)
    {
        var type = selection.Type;
        if (selection.Names.Count == 0)
        {
            var labels = Selectors.Labels(context.Args.String("selector"), type, context.Args.String("field-selector"));
            var fields = Selectors.Fields(context.Args.String("field-selector"), type, context.Args.String("selector"));
            return context.Api.List(type, ns, labels).Where(fields).ToList();
        }
        var objects = new List<KubeObject>();
        foreach (var name in selection.Names)
        {
            if (context.Api.TryGet(type, ns, name) is { } obj) objects.Add(obj);
            else if (!context.Args.Bool("ignore-not-found")) errors.Add(ApiErrors.Format(ApiException.NotFound(type, name)));
        }
        return objects;
    }

    private static void PrintTables(CommandContext context, List<(ResourceType Type, IReadOnlyList<KubeObject> Objects)> found, bool wide, bool allNamespaces, bool hadErrors)
    {
        var withKind = found.Count > 1 || context.Args.Bool("show-kind");
        var printed = false;
        foreach (var (type, objects) in found)
        {
            var options = new TableOptions(
                Wide: wide,
                WithNamespace: allNamespaces && type.Namespaced,
                KindPrefix: withKind ? ResourceArgs.Qualified(type) : null,
                ShowLabels: context.Args.Bool("show-labels"),
                NoHeaders: context.Args.Bool("no-headers"),
                LabelColumns: context.Args.Strings("label-columns"));
            var text = TablePrinter.Print(KindTables.Build(type.Kind, objects, context.Now), options);
            if (text.Length == 0) continue;
            if (printed) context.Write("\n");
            context.Write(text);
            printed = true;
        }
        if (!printed && !hadErrors) context.WriteLine(NoneFound(context, allNamespaces));
    }

    private static string NoneFound(CommandContext context, bool allNamespaces) =>
        allNamespaces ? "No resources found" : $"No resources found in {context.Namespace} namespace.";
}
