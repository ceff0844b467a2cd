using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl api-resources: the kinds this API server serves at their preferred versions, by group (the core group first), by name within a group.</summary>
public sealed class ApiResourcesCommand : Command
{
    public override string Name => "api-resources";
    public override string Summary => "Print the supported API resources on the server";
    public override string Usage => "kubectl api-resources [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("output", 'o', "Output format. One of: (wide, name)."),
        Flag.String("namespaced", null, "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.", "true"),
        Flag.String("api-group", null, "Limit to resources in the specified API group."),
        Flag.Bool("no-headers", null, "When using the default or custom-column output format, don't print headers (default print headers)."),
    ];

    public override void Run(CommandContext context)
    {
        var output = context.Args.String("output");
        if (output is not (null or "" or "wide" or "name"))
            throw KubectlException.Error($"--output {output} is not available");
        var types = context.Resources.All.Concat(context.Resources.Aggregated)
            .Where(t => !context.Args.IsSet("namespaced") || t.Namespaced == (ParsedArgs.ParseBool(context.Args.String("namespaced")!) ?? true))
            .Where(t => !context.Args.IsSet("api-group") || t.Group == context.Args.String("api-group"))
            .OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Plural, StringComparer.Ordinal)
            .ToList();
        if (output == "name")
        {
            foreach (var t in types) context.WriteLine(t.QualifiedPlural);
            return;
        }
        var wide = output == "wide";
        var table = new System.Text.StringBuilder();
        if (!context.Args.Bool("no-headers"))
            table.Append(wide ? "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES\n" : "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n");
        foreach (var t in types)
        {
            table.Append($"{t.Plural}\t{string.Join(',', t.ShortNames)}\t{t.ApiVersion}\t{(t.Namespaced ? "true" : "false")}\t{t.Kind}");
            if (wide) table.Append($"\t{string.Join(',', t.Verbs)}\t{string.Join(',', t.Categories)}");
            table.Append('\n');
        }
        context.Write(TabWriter.ForTables().Write(table.ToString()).ToString());
    }
}
