using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands.Nodes;

/// <summary>kubectl taint nodes NAME key=value:Effect (add) or key[:Effect]- (remove), as upstream's taint command parses and applies them.</summary>
public sealed class TaintCommand : Command
{
    private static readonly string[] Effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public override string Name => "taint";
    public override string Summary => "Update the taints on one or more nodes";
    public override string Usage => "kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [flags]";

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("overwrite", null, "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints."),
        Flag.String("selector", 'l', "Selector (label query) to filter on"),
        Flag.Bool("all", null, "Select all nodes in the cluster"),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals.ToList();
        if (args.Count == 0) throw KubectlException.Usage(context.Path, "at least one taint update is required");
        var nodes = Targets(context, args);
        var specs = args.Where(IsTaintSpec).ToList();
        if (specs.Count == 0) throw KubectlException.Usage(context.Path, "at least one taint update is required");
        var (add, remove) = Parse(specs);
        var overwrite = context.Args.Bool("overwrite");
        foreach (var node in nodes)
        {
            var taints = node.Spec.Taints ?? [];
            if (!overwrite && add.FirstOrDefault(a => taints.Any(t => t.Key == a.Key && t.Effect == a.Effect)) is { } clash)
                throw KubectlException.Error($"node {node.Metadata.Name} already has {clash.Key} taint(s) with same effect(s) and --overwrite is false");
            var next = taints.ToList();
            foreach (var r in remove)
            {
                var removed = next.RemoveAll(t => t.Key == r.Key && (r.Effect.Length == 0 || t.Effect == r.Effect));
                if (removed == 0) throw KubectlException.Error($"taint \"{(r.Effect.Length == 0 ? r.Key : $"{r.Key}:{r.Effect}")}\" not found");
            }
            foreach (var a in add)
            {
                next.RemoveAll(t => t.Key == a.Key && t.Effect == a.Effect);
                next.Add(a);
            }
            node.Spec.Taints = next.Count == 0 ? null : next;
            context.Api.Update(node, WriteContext.Kubectl);
            var operation = remove.Count == 0 ? "tainted" : add.Count == 0 ? "untainted" : "modified";
            context.WriteLine($"node/{node.Metadata.Name} {operation}");
        }
    }

    /// <summary>The nodes named by "nodes NAME", "node/NAME", -l or --all; the remaining arguments are taint specs.</summary>
    private static IReadOnlyList<Node> Targets(CommandContext context, List<string> args)
    {
        var first = args[0];
        if (first.Contains('/'))
        {
            var type = ResourceArgs.Resolve(first[..first.IndexOf('/')], context.Resources);
            if (type.Kind != "Node") throw KubectlException.Error($"invalid resource type {type.Plural}, only node types are supported");
            args.RemoveAt(0);
            return [context.Api.Get<Node>(null, first[(first.IndexOf('/') + 1)..])];
        }
        var kind = ResourceArgs.Resolve(first, context.Resources);
        if (kind.Kind != "Node") throw KubectlException.Error($"invalid resource type {kind.Plural}, only node types are supported");
        args.RemoveAt(0);
        if (context.Args.Bool("all")) return context.Api.List<Node>();
        if (context.Args.String("selector") is { Length: > 0 } selector) return context.Api.List<Node>(null, selector);
        if (args.Count == 0 || IsTaintSpec(args[0])) throw KubectlException.Usage(context.Path, "at least one taint update is required");
        var name = args[0];
        args.RemoveAt(0);
        return [context.Api.Get<Node>(null, name)];
    }

    private static bool IsTaintSpec(string arg) => arg.Contains('=') || arg.Contains(':') || arg.EndsWith('-');

    /// <summary>ParseTaints: "key=value:Effect" and "key:Effect" add; "key:Effect-" and "key-" remove.</summary>
    private static (List<Taint> Add, List<Taint> Remove) Parse(IEnumerable<string> specs)
    {
        var add = new List<Taint>();
        var remove = new List<Taint>();
        foreach (var spec in specs)
        {
            if (spec.EndsWith('-'))
            {
                var body = spec[..^1];
                var colon = body.IndexOf(':');
                var effect = colon < 0 ? "" : body[(colon + 1)..];
                if (effect.Length > 0 && !Effects.Contains(effect))
                    throw KubectlException.Error($"invalid taint effect: {effect}, unsupported taint effect");
                remove.Add(new Taint { Key = colon < 0 ? body : body[..colon], Effect = effect });
                continue;
            }
            var parts = spec.Split(':');
            if (parts.Length != 2 || parts[1].Length == 0) throw KubectlException.Error($"invalid taint spec: {spec}");
            if (!Effects.Contains(parts[1])) throw KubectlException.Error($"invalid taint effect: {parts[1]}, unsupported taint effect");
            var eq = parts[0].IndexOf('=');
            var key = eq < 0 ? parts[0] : parts[0][..eq];
            if (key.Length == 0) throw KubectlException.Error($"invalid taint spec: {spec}");
            add.Add(new Taint { Key = key, Value = eq < 0 ? null : parts[0][(eq + 1)..], Effect = parts[1] });
        }
        return (add, remove);
    }
}
