using System.Text.Json.Nodes;
using Playground.Core.Api.Batch;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl create job NAME --image=IMG [-- COMMAND...] or --from=cronjob/NAME, built as kubectl's generator builds it.</summary>
public sealed class CreateJobCommand : Command
{
    public override string Name => "job";
    public override string Summary => "Create a job with the specified name";
    public override string Usage => "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("image", null, "Image name to run."),
        Flag.String("from", null, "The name of the resource to create a Job from (only cronjob is supported)."),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        var (name, command) = NameAndCommand(context);
        var image = context.Args.String("image") ?? "";
        var from = context.Args.String("from") ?? "";
        if ((image.Length == 0) == (from.Length == 0)) throw KubectlException.Error("either --image or --from must be specified");
        if (command.Count > 0 && from.Length > 0) throw KubectlException.Error("cannot specify --from and command");
        var ns = context.NamespaceGiven ? context.Namespace : null;
        CreateCommand.CreateGenerated(context, from.Length > 0 ? FromCronJob(context, name, from) : Build(name, image, command, ns));
    }

    /// <summary>NAME and what follows "--", as the batch generators read them.</summary>
    internal static (string Name, IReadOnlyList<string> Command) NameAndCommand(CommandContext context)
    {
        var positionals = context.Args.Positionals;
        var dash = context.Args.ArgsLenAtDash ?? positionals.Count;
        if (dash != 1) throw KubectlException.Usage(context.Path, $"exactly one NAME is required, got {dash}");
        return (positionals[0], positionals.Skip(dash).ToList());
    }

    /// <summary>A container named after the job; the generator fixes restartPolicy to Never.</summary>
    public static JsonObject Build(string name, string image, IReadOnlyList<string> command, string? ns)
    {
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["template"] = PodTemplate(name, image, command, "Never") },
            ["status"] = new JsonObject(),
        };
    }

    internal static JsonObject PodTemplate(string name, string image, IReadOnlyList<string> command, string restartPolicy)
    {
        var container = new JsonObject { ["image"] = image, ["name"] = name, ["resources"] = new JsonObject() };
        if (command.Count > 0) container["command"] = new JsonArray([.. command.Select(c => (JsonNode?)JsonValue.Create(c))]);
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(container), ["restartPolicy"] = restartPolicy },
        };
    }

    /// <summary>The CronJob's job template, marked as started by hand and owned by the CronJob (as kubectl does it).</summary>
    private static JsonObject FromCronJob(CommandContext context, string name, string from)
    {
        var parts = from.Split('/', 2);
        if (parts.Length != 2 || context.Resources.Resolve(parts[0]) is not { Kind: "CronJob" })
            throw KubectlException.Error($"from must be an existing cronjob: {from}");
        CronJob cronJob;
        try
        {
            cronJob = context.Api.Get<CronJob>(context.Namespace, parts[1]);
        }
        catch (ApiException e)
        {
            throw KubectlException.Error($"failed to retrieve cronjob: {e.Message}");
        }
        var template = cronJob.Spec.JobTemplate;
        var annotations = new JsonObject { ["cronjob.kubernetes.io/instantiate"] = "manual" };
        foreach (var (key, value) in template.Metadata?.Annotations ?? []) annotations[key] = value;
        var metadata = new JsonObject
        {
            ["annotations"] = annotations,
            ["creationTimestamp"] = null,
            ["name"] = name,
            ["namespace"] = context.Namespace,
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "batch/v1",
                ["controller"] = true,
                ["kind"] = "CronJob",
                ["name"] = cronJob.Metadata.Name,
                ["uid"] = cronJob.Metadata.Uid,
            }),
        };
        if (template.Metadata?.Labels is { Count: > 0 } labels) metadata["labels"] = JsonNode.Parse(KubeJson.SerializeValue(labels));
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "Job",
            ["metadata"] = metadata,
            ["spec"] = JsonNode.Parse(KubeJson.SerializeValue(template.Spec)),
            ["status"] = new JsonObject(),
        };
    }
}
