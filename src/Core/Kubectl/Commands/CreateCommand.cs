using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl create -f - (fails on objects that exist), and its generators: create deployment, create namespace.</summary>
public sealed class CreateCommand : Command
{
    private static readonly string[] UpstreamGenerators =
    [
        "clusterrole", "clusterrolebinding", "ingress", "poddisruptionbudget",
        "priorityclass", "quota", "role", "rolebinding", "service", "serviceaccount", "token",
    ];

    public override string Name => "create";
    public override string Summary => "Create a resource from a file or from stdin";
    public override string Usage => "kubectl create -f FILENAME";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Strings("filename", 'f', "Filename, directory, or URL to files to use to create the resource; \"-\" reads standard input."),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override IReadOnlyList<Command> Subcommands { get; } = [new CreateDeploymentCommand(), new CreateNamespaceCommand(), new CreateJobCommand(), new CreateCronJobCommand(), new CreateConfigMapCommand(), new CreateSecretCommand()];

    public override void Run(CommandContext context)
    {
        if (context.Args.Positionals is [var first, ..])
        {
            if (UpstreamGenerators.Contains(first))
                throw KubectlException.Error($"\"kubectl create {first}\" is not available in this playground; it creates deployments and namespaces, or anything from a manifest with -f -");
            throw KubectlException.Usage(context.Path, $"Unexpected args: [{string.Join(' ', context.Args.Positionals)}]");
        }
        if (!context.Args.IsSet("filename")) throw KubectlException.Error("must specify one of -f and -k");
        var output = Output.Parse(context.Args.String("output"), tables: false);
        var dryRun = DryRun.Parse(context);
        foreach (var manifest in Manifests.Read(context, Name))
        {
            try
            {
                var obj = context.Resources.Decode(manifest.Node);
                var created = DryRun.Write(dryRun) is { } write ? context.Api.Create(obj, write) : obj;
                if (output.Kind == OutputKind.Default) context.WriteLine($"{ResourceArgs.Ref(manifest.Type, manifest.Name)} created{DryRun.Suffix(dryRun)}");
                else context.Write(output.Print([created], asList: false, context.Resources));
            }
            catch (ApiException e)
            {
                context.Error(ApiErrors.Format(e, "error when creating \"STDIN\": "));
            }
        }
    }

    /// <summary>What the create generators share: one NAME, then create (or only print, with --dry-run=client).</summary>
    internal static void CreateGenerated(CommandContext context, System.Text.Json.Nodes.JsonObject node)
    {
        var output = Output.Parse(context.Args.String("output"), tables: false);
        var dryRun = DryRun.Parse(context);
        var obj = context.Resources.Decode(node);
        var type = context.Resources.For(obj.GetType());
        // The request goes to the namespace of -n or the context; the server gives it to an object that names none.
        if (type.Namespaced && string.IsNullOrEmpty(obj.Metadata.Namespace)) obj.Metadata.Namespace = context.Namespace;
        if (dryRun == DryRunMode.Client)
        {
            // The generator's own object, so the printout keeps kubectl's empty fields (creationTimestamp: null, status: {}).
            if (output.Kind == OutputKind.Default) context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} created (dry run)");
            else context.Write(output.Kind == OutputKind.Name ? ResourceArgs.Ref(type, obj.Metadata.Name) + "\n" : output.Render(node));
            return;
        }
        var created = DryRun.Write(dryRun) is { } write ? context.Api.Create(obj, write) : obj;
        if (output.Kind == OutputKind.Default) context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} created{DryRun.Suffix(dryRun)}");
        else context.Write(output.Print([created], asList: false, context.Resources));
    }

    internal static string OneName(CommandContext context)
    {
        var names = context.Args.Positionals;
        if (names.Count != 1) throw KubectlException.Usage(context.Path, $"exactly one NAME is required, got {names.Count}");
        return names[0];
    }
}
