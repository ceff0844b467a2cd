using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl create deployment NAME --image=IMG: the Deployment kubectl builds, labelled app=NAME, one container per image.</summary>
public sealed class CreateDeploymentCommand : Command
{
    public override string Name => "deployment";
    public override IReadOnlyList<string> Aliases => ["deploy"];
    public override string Summary => "Create a deployment with the specified name";
    public override string Usage => "kubectl create deployment NAME --image=image -- [COMMAND] [args...]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Strings("image", null, "Image names to run. A deployment can have multiple images set for multi-container pod."),
        Flag.Int("replicas", 'r', "Number of replicas to create. Default is 1.", 1),
        Flag.Int("port", null, "The containerPort that this deployment exposes.", -1),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        if (!context.Args.IsSet("image")) throw KubectlException.Error("required flag(s) \"image\" not set");
        var name = CreateCommand.OneName(context);
        CreateCommand.CreateGenerated(context, Build(name, context.Args.Strings("image"), context.Args.Int("replicas") ?? 1,
            context.Args.Int("port") ?? -1, context.NamespaceGiven ? context.Namespace : null));
    }

    /// <summary>The object exactly as kubectl's generator writes it, empty strategy, resources and status included.</summary>
    public static JsonObject Build(string name, IReadOnlyList<string> images, int replicas, int port, string? ns)
    {
        var labels = () => new JsonObject { ["app"] = name };
        var containers = new JsonArray();
        var used = new HashSet<string>();
        foreach (var image in images)
        {
            var container = new JsonObject { ["image"] = image, ["name"] = ContainerName(image, used), ["resources"] = new JsonObject() };
            if (port >= 0 && containers.Count == 0) container["ports"] = new JsonArray(new JsonObject { ["containerPort"] = port });
            containers.Add(container);
        }
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["labels"] = labels(), ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = labels() },
                ["strategy"] = new JsonObject(),
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["creationTimestamp"] = null, ["labels"] = labels() },
                    ["spec"] = new JsonObject { ["containers"] = containers },
                },
            },
            ["status"] = new JsonObject(),
        };
    }

    /// <summary>"registry.k8s.io/nginx:1.27" runs in a container named "nginx"; underscores become dashes and repeats get a suffix.</summary>
    public static string ContainerName(string image, ISet<string> used)
    {
        var name = image.Split('/')[^1].Split(':')[0].Split('@')[0].Replace('_', '-');
        var unique = name;
        for (var i = 2; !used.Add(unique); i++) unique = $"{name}-{i}";
        return unique;
    }
}
