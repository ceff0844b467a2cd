using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands.Config;

/// <summary>
/// kubectl config view: the terminal's kubeconfig, with the context's namespace; the certificate and the token are never
/// shown, as kubectl hides them without --raw (the token is the browser's, and the page cannot read it).
/// </summary>
public sealed class ConfigViewCommand : Command
{
    public override string Name => "view";
    public override string Summary => "Display merged kubeconfig settings or a specified kubeconfig file";
    public override string Usage => "kubectl config view [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("minify", null, "Remove all information not used by current-context from the output"),
        Flag.Bool("flatten", null, "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).", "yaml"),
    ];

    public override void Run(CommandContext context)
    {
        if (context.Args.Positionals.Count > 0)
            throw KubectlException.Usage(context.Path, $"unexpected arguments: [{string.Join(' ', context.Args.Positionals)}]");
        var output = Output.Parse(context.Args.String("output") ?? "yaml", tables: false);
        // The kubeconfig is not an API object, so kubectl's name printer finds no kind or name in it.
        context.Write(output.Kind == OutputKind.Name ? "config/<unknown>\n" : output.Render(Kubeconfig(context.Kubeconfig)));
    }

    /// <summary>The kubeconfig as kubectl shows it (the printers sort the keys; kubectl's JSON keeps its struct order instead).</summary>
    private static JsonObject Kubeconfig(KubeconfigContext kubeconfig)
    {
        var entry = new JsonObject { ["cluster"] = kubeconfig.Name, ["user"] = kubeconfig.Name };
        if (kubeconfig.Namespace.Length > 0) entry["namespace"] = kubeconfig.Namespace;
        return new JsonObject
        {
            ["kind"] = "Config",
            ["apiVersion"] = "v1",
            ["preferences"] = new JsonObject(),
            ["clusters"] = new JsonArray(new JsonObject
            {
                ["name"] = kubeconfig.Name,
                ["cluster"] = new JsonObject { ["server"] = kubeconfig.Server, ["certificate-authority-data"] = "DATA+OMITTED" },
            }),
            ["users"] = new JsonArray(new JsonObject { ["name"] = kubeconfig.Name, ["user"] = new JsonObject { ["token"] = "REDACTED" } }),
            ["contexts"] = new JsonArray(new JsonObject { ["name"] = kubeconfig.Name, ["context"] = entry }),
            ["current-context"] = kubeconfig.Name,
        };
    }
}
