using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Commands;

/// <summary>What kubectl label and annotate share: TYPE NAME (or -l/--all) followed by KEY=VALUE and KEY- updates of one metadata map.</summary>
public abstract class MetadataMapCommand : Command
{
    protected abstract string Noun { get; }

    protected abstract Dictionary<string, string>? MapOf(ObjectMeta meta);

    protected abstract void SetMap(ObjectMeta meta, Dictionary<string, string>? map);

    /// <summary>The refusal when an existing key would change without --overwrite, or null.</summary>
    protected abstract string? Overwrites(IReadOnlyList<(string Key, string Old)> conflicts);

    /// <summary>The word printed after the object: labeled, unlabeled, not labeled, annotated.</summary>
    protected abstract string Outcome(bool changed, bool shrank);

    public override IReadOnlyList<Flag> Flags { get; } =
    [
        Flag.Bool("overwrite", null, "If true, allow labels/annotations to be overwritten, otherwise reject updates that overwrite existing ones."),
        Flag.Bool("all", null, "Select all resources, in the namespace of the specified resource types"),
        Flag.String("selector", 'l', "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)."),
        Flag.String("resource-version", null, "If non-empty, the update will only succeed if this is the current resource-version for the object."),
        Flag.String("dry-run", null, "Must be \"none\", \"server\", or \"client\".", "none"),
    ];

    public override void Run(CommandContext context)
    {
        var args = context.Args.Positionals;
        var updates = args.Where(a => a.Contains('=') || a.EndsWith('-')).ToList();
        var resources = args.Except(updates).ToList();
        if (updates.Count == 0) throw KubectlException.Error($"at least one {Noun} update is required");
        var set = new Dictionary<string, string>();
        var remove = new List<string>();
        foreach (var update in updates)
        {
            if (update.EndsWith('-') && !update.Contains('=')) remove.Add(update[..^1]);
            else set[update[..update.IndexOf('=')]] = update[(update.IndexOf('=') + 1)..];
        }
        if (remove.FirstOrDefault(set.ContainsKey) is { } both)
            throw KubectlException.Error($"can not both modify and remove the following {Noun}(s) in the same command: {both}");
        var dryRun = DryRun.Parse(context);
        foreach (var (type, obj) in Workloads.Find(context, resources))
        {
            var map = MapOf(obj.Metadata) is { } m ? new Dictionary<string, string>(m) : [];
            if (!context.Args.Bool("overwrite"))
            {
                var conflicts = set.Where(kv => map.TryGetValue(kv.Key, out var old) && old != kv.Value).Select(kv => (kv.Key, map[kv.Key])).ToList();
                if (Overwrites(conflicts) is { } refusal) throw KubectlException.Error(refusal);
            }
            var before = map.Count;
            var changed = false;
            foreach (var key in remove)
            {
                if (map.Remove(key)) changed = true;
                else context.WriteLine($"{Noun} \"{key}\" not found.");
            }
            foreach (var (key, value) in set)
            {
                changed |= !map.TryGetValue(key, out var old) || old != value;
                map[key] = value;
            }
            SetMap(obj.Metadata, map.Count == 0 ? null : map);
            obj.Metadata.ResourceVersion = context.Args.String("resource-version") is { Length: > 0 } rv ? rv : null;
            try
            {
                if (changed && DryRun.Write(dryRun) is { } write) context.Api.Update(obj, write);
                context.WriteLine($"{ResourceArgs.Ref(type, obj.Metadata.Name)} {Outcome(changed, map.Count < before)}{DryRun.Suffix(dryRun)}");
            }
            catch (ApiException e)
            {
                context.Error(e);
            }
        }
    }
}

/// <summary>kubectl label: add, change (--overwrite) or remove (KEY-) labels.</summary>
public sealed class LabelCommand : MetadataMapCommand
{
    public override string Name => "label";
    public override string Summary => "Update the labels on a resource";
    public override string Usage => "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]";
    protected override string Noun => "label";
    protected override Dictionary<string, string>? MapOf(ObjectMeta meta) => meta.Labels;
    protected override void SetMap(ObjectMeta meta, Dictionary<string, string>? map) => meta.Labels = map;

    protected override string? Overwrites(IReadOnlyList<(string Key, string Old)> conflicts) => conflicts.Count switch
    {
        0 => null,
        1 => $"'{conflicts[0].Key}' already has a value ({conflicts[0].Old}), and --overwrite is false",
        _ => $"[{string.Join(", ", conflicts.Select(c => $"'{c.Key}' already has a value ({c.Old}), and --overwrite is false"))}]",
    };

    protected override string Outcome(bool changed, bool shrank) => !changed ? "not labeled" : shrank ? "unlabeled" : "labeled";
}

/// <summary>kubectl annotate: add, change (--overwrite) or remove (KEY-) annotations.</summary>
public sealed class AnnotateCommand : MetadataMapCommand
{
    public override string Name => "annotate";
    public override string Summary => "Update the annotations on a resource";
    public override string Usage => "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]";
    protected override string Noun => "annotation";
    protected override Dictionary<string, string>? MapOf(ObjectMeta meta) => meta.Annotations;
    protected override void SetMap(ObjectMeta meta, Dictionary<string, string>? map) => meta.Annotations = map;

    protected override string? Overwrites(IReadOnlyList<(string Key, string Old)> conflicts) =>
        conflicts.Count == 0 ? null
            : "--overwrite is false but found the following declared annotation(s): " + string.Join("; ", conflicts.Select(c => $"'{c.Key}' already has a value ({c.Old})"));

    protected override string Outcome(bool changed, bool shrank) => "annotated";
}
