using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// kubectl run NAME --image=IMG [-- args]: a bare Pod as kubectl's generator builds it, labelled run=NAME unless
/// --labels says otherwise. Attaching (-i, -t, --attach, --rm) needs a live stream this terminal does not have.
/// </summary>
public sealed partial class RunCommand : Command
{
    public override string Name => "run";
    public override string Summary => "Run a particular image on the cluster";
    public override string Usage => "kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--dry-run=server|client] [--command] -- [COMMAND] [args...]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.String("image", null, "The image for the container to run."),
        Flag.String("restart", null, "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]."),
        Flag.String("port", null, "The port that this container exposes."),
        Flag.String("labels", 'l', "Comma separated labels to apply to the pod. Will override previous values."),
        Flag.String("env", null, "Environment variables to set in the container."),
        Flag.String("annotations", null, "Annotations to apply to the pod."),
        Flag.Bool("command", null, "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
        Flag.String("image-pull-policy", null, "The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server."),
        Flag.Bool("stdin", 'i', "Keep stdin open on the container in the pod, even if nothing is attached."),
        Flag.Bool("tty", 't', "Allocate a TTY for the container in the pod."),
        Flag.Bool("attach", null, "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called."),
        Flag.Bool("rm", null, "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."),
        Flag.String("output", 'o', "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it.", "none"),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args;
        // cobra checks the required flag before the command looks at its arguments.
        if (!args.IsSet("image")) throw KubectlException.Error("required flag(s) \"image\" not set");
        if (args.Positionals.Count == 0 || args.ArgsLenAtDash == 0) throw KubectlException.Usage(context.Path, "NAME is required for run");
        var image = args.String("image")!;
        if (image.Length == 0) throw KubectlException.Error("--image is required");
        if (!ImageReferencePattern().IsMatch(image)) throw KubectlException.Error($"Invalid image name \"{image}\": invalid reference format");
        var interactive = args.Bool("stdin");
        if (args.Bool("tty") && !interactive) throw KubectlException.Usage(context.Path, "-i/--stdin is required for containers with -t/--tty=true");
        var attach = args.Bool("attach") || interactive;
        if (attach && DryRun.Parse(context) != DryRunMode.None)
            throw KubectlException.Usage(context.Path, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
        var restart = RestartPolicy(context, interactive);
        if (args.Bool("rm") && !attach) throw KubectlException.Usage(context.Path, "--rm should only be used for attached containers");
        if (args.String("image-pull-policy") is { Length: > 0 } pull && pull is not ("Always" or "IfNotPresent" or "Never"))
            throw KubectlException.Usage(context.Path, $"invalid image pull policy: {pull}");
        if (attach)
            throw KubectlException.Error("this playground's terminal cannot attach to a container; run it without -i, -t or --attach, then use kubectl logs or kubectl exec");

        var name = args.Positionals[0];
        CreateCommand.CreateGenerated(context, Build(context, name, image, restart));
    }

    /// <summary>The Pod exactly as kubectl's generator writes it, empty resources and status included.</summary>
    private static JsonObject Build(CommandContext context, string name, string image, string restart)
    {
        var args = context.Args;
        var labels = args.String("labels") is { } spec ? Labels(spec) : new JsonObject { ["run"] = name };
        var container = new JsonObject { ["image"] = image, ["name"] = name, ["resources"] = new JsonObject() };
        var extra = args.Positionals.Skip(1).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray();
        if (extra.Length > 0) container[args.Bool("command") ? "command" : "args"] = new JsonArray(extra);
        if (args.Strings("env") is { Count: > 0 } env) container["env"] = new JsonArray(env.Select(e => (JsonNode?)EnvVar(e)).ToArray());
        if (args.String("image-pull-policy") is { Length: > 0 } pull) container["imagePullPolicy"] = pull;
        if (args.String("port") is { Length: > 0 } port) container["ports"] = new JsonArray(new JsonObject { ["containerPort"] = Port(port) });
        var metadata = new JsonObject { ["creationTimestamp"] = null, ["labels"] = labels, ["name"] = name };
        if (context.NamespaceGiven) metadata["namespace"] = context.Namespace;
        if (args.Strings("annotations") is { Count: > 0 } annotations) metadata["annotations"] = Annotations(annotations);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(container),
                ["dnsPolicy"] = "ClusterFirst",
                ["restartPolicy"] = restart,
            },
            ["status"] = new JsonObject(),
        };
    }

    /// <summary>--restart: Always unless given (OnFailure when attached, which this terminal refuses anyway).</summary>
    private static string RestartPolicy(CommandContext context, bool interactive) => context.Args.String("restart") switch
    {
        null or "" => interactive ? "OnFailure" : "Always",
        var policy when policy is "Always" or "OnFailure" or "Never" => policy,
        var other => throw KubectlException.Usage(context.Path, $"invalid restart policy: {other}"),
    };

    /// <summary>kubectl's ParseLabels: comma-separated key=value pairs, each with exactly one '='.</summary>
    private static JsonObject Labels(string spec)
    {
        var labels = new JsonObject();
        foreach (var pair in spec.Split(','))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2) throw KubectlException.Error($"unexpected label spec: {pair}");
            if (parts[0].Length == 0) throw KubectlException.Error("unexpected empty label key");
            labels[parts[0]] = parts[1];
        }
        return labels;
    }

    /// <summary>One --env: NAME=value, the name a C identifier-like word as the API accepts (dots and dashes allowed).</summary>
    private static JsonObject EnvVar(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || !EnvVarNamePattern().IsMatch(text[..eq])) throw KubectlException.Error($"invalid env: {text}");
        var value = text[(eq + 1)..];
        return value.Length == 0 ? new JsonObject { ["name"] = text[..eq] } : new JsonObject { ["name"] = text[..eq], ["value"] = value };
    }

    private static JsonObject Annotations(IReadOnlyList<string> pairs)
    {
        var annotations = new JsonObject();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw KubectlException.Error($"invalid annotations format: {pair}");
            annotations[pair[..eq]] = pair[(eq + 1)..];
        }
        return annotations;
    }

    /// <summary>--port is a string kubectl converts with strconv.Atoi, whose error it prints as is.</summary>
    private static int Port(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port
            : throw KubectlException.Error($"strconv.Atoi: parsing \"{text}\": {(long.TryParse(text, out _) ? "value out of range" : "invalid syntax")}");

    /// <summary>The distribution reference grammar kubectl checks images against: [registry[:port]/]path[:tag][@digest].</summary>
    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[a-fA-F0-9:]+\](?::[0-9]+)?)/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$")]
    private static partial Regex ImageReferencePattern();

    [GeneratedRegex(@"^[-._a-zA-Z][-._a-zA-Z0-9]*$")]
    private static partial Regex EnvVarNamePattern();
}
