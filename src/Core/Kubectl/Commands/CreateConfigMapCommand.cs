using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>kubectl create configmap NAME --from-literal=key=value ... (files cannot be read from a web terminal).</summary>
public sealed class CreateConfigMapCommand : Command
{
    public override string Name => "configmap";
    public override IReadOnlyList<string> Aliases => ["cm"];
    public override string Summary => "Create a config map from a local file, directory or literal value";
    public override string Usage => "kubectl create configmap NAME [--from-literal=key1=value1] [--dry-run=server|client|none]";

    public override IReadOnlyList<Flag> Flags { get; } = LiteralFlags.All;

    public override void Run(CommandContext context)
    {
        var name = CreateCommand.OneName(context);
        LiteralFlags.RefuseFiles(context);
        CreateCommand.CreateGenerated(context, LiteralFlags.WithoutEmptyData(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["data"] = LiteralFlags.Data(context, "ConfigMap", name, value => value),
            ["kind"] = "ConfigMap",
            ["metadata"] = LiteralFlags.Metadata(context, name),
        }));
    }
}

/// <summary>kubectl create secret generic NAME --from-literal=key=value ...: values are sent base64-encoded in data.</summary>
public sealed class CreateSecretCommand : Command
{
    public override string Name => "secret";
    public override string Summary => "Create a secret using a specified subcommand";
    public override string Usage => "kubectl create secret generic NAME [--type=string] [--from-literal=key1=value1] [--dry-run=server|client|none]";

    public override IReadOnlyList<Flag> Flags { get; } = [.. LiteralFlags.All, Flag.String("type", null, "The type of secret to create")];

    public override void Run(CommandContext context)
    {
        var words = context.Args.Positionals;
        if (words.Count == 0) throw KubectlException.Error("\"kubectl create secret\" needs a type: generic (docker-registry and tls need files, which a web terminal cannot read)");
        if (words[0] != "generic")
            throw words[0] is "tls" or "docker-registry"
                ? KubectlException.Error($"\"kubectl create secret {words[0]}\" is not available in this playground; use \"kubectl create secret generic\" or a manifest with -f -")
                : KubectlException.Error($"unknown command \"{words[0]}\" for \"kubectl create secret\"");
        if (words.Count != 2) throw KubectlException.Usage("kubectl create secret generic", $"exactly one NAME is required, got {words.Count - 1}");
        var name = words[1];
        LiteralFlags.RefuseFiles(context);
        var node = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["data"] = LiteralFlags.Data(context, "Secret", name, value => Convert.ToBase64String(Encoding.UTF8.GetBytes(value))),
            ["kind"] = "Secret",
            ["metadata"] = LiteralFlags.Metadata(context, name),
        };
        if (context.Args.String("type") is { Length: > 0 } type) node["type"] = type;
        CreateCommand.CreateGenerated(context, LiteralFlags.WithoutEmptyData(node));
    }
}

/// <summary>The flags configmap and secret generators share, and how they turn literals into data.</summary>
internal static class LiteralFlags
{
    public static readonly IReadOnlyList<Flag> All =
    [
        Flag.String("from-literal", null, "Specify a key and literal value to insert (i.e. mykey=somevalue)"),
        Flag.String("from-file", null, "Key file can be specified using its file path"),
        Flag.String("from-env-file", null, "Specify the path to a file to read lines of key=val pairs"),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    /// <summary>The generated object's metadata; the namespace only when -n was given, as kubectl prints it.</summary>
    public static JsonObject Metadata(CommandContext context, string name)
    {
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["name"] = name };
        if (context.NamespaceGiven) metadata["namespace"] = context.Namespace;
        return metadata;
    }

    /// <summary>An empty data map is left out, as Go's omitempty does.</summary>
    public static JsonObject WithoutEmptyData(JsonObject node)
    {
        if (node["data"] is JsonObject { Count: 0 }) node.Remove("data");
        return node;
    }

    public static void RefuseFiles(CommandContext context)
    {
        if (context.Args.IsSet("from-file") || context.Args.IsSet("from-env-file"))
            throw KubectlException.Error("--from-file and --from-env-file read local files, which this web terminal does not have; use --from-literal=key=value");
    }

    /// <summary>kubectl's literal parsing: "key=value" split at the first '=', a key given twice refused.</summary>
    public static JsonObject Data(CommandContext context, string kind, string name, Func<string, string> encode)
    {
        var data = new JsonObject();
        foreach (var literal in context.Args.Strings("from-literal"))
        {
            var eq = literal.IndexOf('=');
            if (eq <= 0) throw KubectlException.Error($"invalid literal source {literal}, expected key=value");
            var key = literal[..eq];
            if (data.ContainsKey(key))
                throw KubectlException.Error($"cannot add key {key}, another key by that name already exists in Data for {kind} \"{name}\"");
            data[key] = encode(literal[(eq + 1)..]);
        }
        return data;
    }
}
