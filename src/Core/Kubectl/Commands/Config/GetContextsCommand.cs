using System.Text;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>kubectl config get-contexts: the context as a table, with the namespace it is set to.</summary>
public sealed class GetContextsCommand : Command
{
    public override string Name => "get-contexts";
    public override string Summary => "Describe one or many contexts";
    public override string Usage => "kubectl config get-contexts [(-o|--output=)name)]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("output", 'o', "Output format. One of: (name)."),
        Flag.Bool("no-headers", null, "When using the default or custom-column output format, don't print headers (default print headers)."),
    ];

    public override void Run(CommandContext context)
    {
        var output = context.Args.String("output") ?? "";
        if (output is not ("" or "name"))
            throw KubectlException.Error($"--output {output} is not available in kubectl config get-contexts; resetting to default output format");
        var kubeconfig = context.Kubeconfig;
        var names = context.Args.Positionals.Count == 0 ? [kubeconfig.Name] : context.Args.Positionals;
        var found = names.Where(n => n == kubeconfig.Name).Distinct().ToList();

        if (output == "name")
        {
            foreach (var name in found) context.WriteLine(name);
        }
        else
        {
            var table = new StringBuilder();
            if (!context.Args.Bool("no-headers")) table.Append("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n");
            // The one context is always the current one, so it always carries the marker.
            foreach (var name in found) table.Append($"*\t{name}\t{name}\t{name}\t{kubeconfig.Namespace}\n");
            context.Write(TabWriter.ForTables().Write(table.ToString()).ToString());
        }
        foreach (var missing in names.Where(n => n != kubeconfig.Name)) context.Error($"error: context {missing} not found");
    }
}
