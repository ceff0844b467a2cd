using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl apply -f -: creates what is missing, patches what exists (three-way, against the last applied manifest
/// kept in an annotation) and reports each object as created, configured or unchanged.
/// </summary>
public sealed class ApplyCommand : Command
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    public override string Name => "apply";
    public override string Summary => "Apply a configuration to a resource by file name or stdin";
    public override string Usage => "kubectl apply (-f FILENAME | -k DIRECTORY)";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Strings("filename", 'f', "The files that contain the configurations to apply; \"-\" reads standard input."),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        if (!context.Args.IsSet("filename")) throw KubectlException.Error("must specify one of -f and -k");
        var output = Output.Parse(context.Args.String("output"), tables: false);
        var dryRun = DryRun.Parse(context);
        foreach (var manifest in Manifests.Read(context, Name))
        {
            try
            {
                Apply(context, manifest, output, dryRun);
            }
            catch (ApiException e)
            {
                var verb = context.Api.TryGet(manifest.Type, manifest.Namespace, manifest.Name) is null ? "creating" : "patching";
                context.Error(ApiErrors.Format(e, $"error when {verb} \"STDIN\": "));
            }
        }
    }

    private static void Apply(CommandContext context, ManifestObject manifest, Output output, DryRunMode dryRun)
    {
        var desired = WithLastApplied(manifest.Node);
        var live = context.Api.TryGet(manifest.Type, manifest.Namespace, manifest.Name);
        var name = ResourceArgs.Ref(manifest.Type, manifest.Name);
        var write = DryRun.Write(dryRun);
        if (live is null)
        {
            var obj = context.Resources.Decode(desired);
            var created = write is { } sent ? context.Api.Create(obj, sent) : obj;
            Report(context, output, created, $"{name} created{DryRun.Suffix(dryRun)}");
            return;
        }

        // The three-way merge happens in the manifest's version, as kubectl reads the live object at that version.
        var liveNode = manifest.Type.ToNode(live);
        var lastApplied = live.Metadata.Annotations?.GetValueOrDefault(LastAppliedAnnotation);
        if (lastApplied is null)
            context.WriteLine($"Warning: resource {manifest.Type.Plural}/{manifest.Name} is missing the {LastAppliedAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.");
        var original = lastApplied is null ? null : JsonNode.Parse(lastApplied) as JsonObject;
        var merged = ThreeWayMerge.Merge(liveNode, original, desired);
        if (JsonNode.DeepEquals(merged, liveNode))
        {
            Report(context, output, live, $"{name} unchanged{DryRun.Suffix(dryRun)}");
            return;
        }
        var patched = context.Resources.Decode(merged);
        var updated = write is { } update ? context.Api.Update(patched, update) : patched;
        Report(context, output, updated, $"{name} configured{DryRun.Suffix(dryRun)}");
    }

    /// <summary>The manifest with the annotation kubectl keeps it in: the manifest itself as compact JSON, its own annotation left out.</summary>
    public static JsonObject WithLastApplied(JsonObject manifest)
    {
        var desired = (JsonObject)manifest.DeepClone();
        var meta = desired["metadata"] as JsonObject ?? [];
        desired["metadata"] = meta;
        var annotations = meta["annotations"] as JsonObject ?? [];
        annotations.Remove(LastAppliedAnnotation);
        meta["annotations"] = annotations;
        var configuration = GoJson.Compact(desired);
        annotations[LastAppliedAnnotation] = configuration;
        return desired;
    }

    private static void Report(CommandContext context, Output output, KubeObject obj, string message)
    {
        if (output.Kind == OutputKind.Default) context.WriteLine(message);
        else context.Write(output.Print([obj], asList: false, context.Resources));
    }
}
