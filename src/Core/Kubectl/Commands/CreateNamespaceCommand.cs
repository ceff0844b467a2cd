using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

public sealed class CreateNamespaceCommand : Command
{
    public override string Name => "namespace";
    public override IReadOnlyList<string> Aliases => ["ns"];
    public override string Summary => "Create a namespace with the specified name";
    public override string Usage => "kubectl create namespace NAME [--dry-run=server|client|none]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context) =>
        CreateCommand.CreateGenerated(context, new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null, ["name"] = CreateCommand.OneName(context) },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject(),
        });
}
