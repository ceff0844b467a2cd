using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Patching;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]: applies the patch to the live object as the API's patch handler does.</summary>
public sealed class PatchCommand : Command
{
    public override string Name => "patch";
    public override string Summary => "Update fields of a resource";
    public override string Usage => "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("patch", 'p', "The patch to be applied to the resource JSON file."),
        Flag.String("type", null, "The type of patch being provided; one of [json merge strategic]", "strategic"),
        Flag.String("patch-file", null, "A file containing a patch to be applied to the resource."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\".", "none"),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
    ];

    public override void Run(CommandContext context)
    {
        if (context.Args.IsSet("patch-file"))
            throw KubectlException.Error("--patch-file reads a local file, which this web terminal does not have; use -p '...'");
        var text = context.Args.String("patch");
        if (string.IsNullOrEmpty(text)) throw KubectlException.Error("must specify --patch or --patch-file containing the contents of the patch");
        var type = context.Args.String("type") ?? "strategic";
        if (type is not ("strategic" or "merge" or "json"))
            throw KubectlException.Error($"--type must be one of [json merge strategic], not \"{type}\"");
        var patch = Parse(text);
        var dryRun = DryRun.Parse(context);
        var output = Output.Parse(context.Args.String("output"), tables: false);
        foreach (var (resource, live) in Workloads.Find(context, context.Args.Positionals))
        {
            try
            {
                var before = KubeJson.ToNode(live);
                JsonObject patched;
                try
                {
                    patched = Patches.Apply(before, type, patch);
                }
                catch (PatchException e)
                {
                    throw ApiException.BadRequest(e.Message);
                }
                var obj = context.Resources.Decode(patched);
                var changed = patched.ToJsonString() != before.ToJsonString();
                var result = changed && DryRun.Write(dryRun) is { } write ? context.Api.Update(obj, write) : obj;
                if (output.Kind == OutputKind.Default)
                    context.WriteLine($"{ResourceArgs.Ref(resource, live.Metadata.Name)} patched{(changed ? "" : " (no change)")}{DryRun.Suffix(dryRun)}");
                else context.Write(output.Print([result], asList: false, context.Resources));
            }
            catch (ApiException e)
            {
                context.Error(e);
            }
        }
    }

    /// <summary>kubectl reads the patch as YAML (JSON being YAML), so both forms work.</summary>
    private static JsonNode Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw KubectlException.Error($"unable to parse \"{text}\": empty patch");
        }
        catch (System.Text.Json.JsonException)
        {
            try
            {
                return ManifestReader.Read(text) is [var single] ? single.Node : throw KubectlException.Error($"unable to parse \"{text}\": not a single object");
            }
            catch (ManifestException e)
            {
                throw KubectlException.Error($"unable to parse \"{text}\": {e.Message}");
            }
        }
    }
}

/// <summary>kubectl edit needs an editor on the user's machine; the web terminal points to the ways that work here.</summary>
public sealed class EditCommand : Command
{
    public override string Name => "edit";
    public override string Summary => "Edit a resource on the server";
    public override string Usage => "kubectl edit (RESOURCE/NAME | -f FILENAME)";

    public override void Run(CommandContext context)
    {
        var target = context.Args.Positionals.Count > 0 ? string.Join(" ", context.Args.Positionals) : "TYPE NAME";
        throw KubectlException.Error(
            "kubectl edit opens a local text editor, which this web terminal does not have. Instead:\n"
            + $"  - open the object in the playground's YAML editor, change it and apply it, or\n"
            + $"  - kubectl get {target} -o yaml, change it, and pipe it to kubectl apply -f -, or\n"
            + $"  - change single fields with kubectl patch {target} -p '{{\"spec\":{{...}}}}', kubectl label, kubectl annotate, kubectl scale or kubectl set image.");
    }
}
