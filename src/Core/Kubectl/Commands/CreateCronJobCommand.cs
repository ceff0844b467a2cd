using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl create cronjob NAME --image=IMG --schedule='*/1 * * * *' [--restart=OnFailure] [-- COMMAND...].</summary>
public sealed class CreateCronJobCommand : Command
{
    public override string Name => "cronjob";
    public override IReadOnlyList<string> Aliases => ["cj"];
    public override string Summary => "Create a cron job with the specified name";
    public override string Usage => "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("image", null, "Image name to run."),
        Flag.String("schedule", null, "A schedule in the Cron format the job should be run with."),
        Flag.String("restart", null, "job's restart policy. supported values: OnFailure, Never", "OnFailure"),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        // Both are cobra-required flags: cobra names every missing one, in flag order.
        var missing = new[] { "image", "schedule" }.Where(f => !context.Args.IsSet(f)).Select(f => $"\"{f}\"").ToList();
        if (missing.Count > 0) throw KubectlException.Error($"required flag(s) {string.Join(", ", missing)} not set");
        var (name, command) = CreateJobCommand.NameAndCommand(context);
        var image = context.Args.String("image") ?? "";
        var schedule = context.Args.String("schedule") ?? "";
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["name"] = name };
        if (context.NamespaceGiven) metadata["namespace"] = context.Namespace;
        CreateCommand.CreateGenerated(context, new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "CronJob",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["jobTemplate"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["creationTimestamp"] = null, ["name"] = name },
                    ["spec"] = new JsonObject
                    {
                        ["template"] = CreateJobCommand.PodTemplate(name, image, command, context.Args.String("restart") ?? "OnFailure"),
                    },
                },
                ["schedule"] = schedule,
            },
            ["status"] = new JsonObject(),
        });
    }
}
