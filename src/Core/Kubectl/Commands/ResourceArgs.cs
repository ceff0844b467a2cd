using Playground.Core.ApiServer;

namespace Playground.Core.Kubectl.Commands;

/// <summary>One resource type a command was given, with the names given for it (none means every object of the type).</summary>
public sealed record ResourceSelection(ResourceType Type, IReadOnlyList<string> Names);

/// <summary>The resource arguments kubectl accepts: "pods", "po,svc", "pods a b", "pod/a deploy/b", "deployment.apps", "all".</summary>
public static class ResourceArgs
{
    public static IReadOnlyList<ResourceSelection> Parse(IReadOnlyList<string> args, ResourceRegistry registry)
    {
        if (args.Count == 0) return [];
        if (args.Any(a => a.Contains('/')))
        {
            if (args.Any(a => !a.Contains('/')))
                throw KubectlException.Error("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
            var byType = new List<(ResourceType Type, List<string> Names)>();
            foreach (var arg in args)
            {
                var parts = arg.Split('/');
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                    throw KubectlException.Error("arguments in resource/name form must have a single resource and name");
                var type = Resolve(parts[0], registry);
                var entry = byType.FirstOrDefault(t => t.Type == type);
                if (entry.Type is null) byType.Add(entry = (type, []));
                entry.Names.Add(parts[1]);
            }
            return byType.Select(t => new ResourceSelection(t.Type, t.Names)).ToList();
        }

        var names = args.Skip(1).ToList();
        var types = new List<ResourceType>();
        foreach (var word in args[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var expanded = word == "all" ? registry.All.Where(t => t.Categories.Contains("all")) : [Resolve(word, registry)];
            types.AddRange(expanded.Where(t => !types.Contains(t)));
        }
        return types.Select(t => new ResourceSelection(t, names)).ToList();
    }

    public static ResourceType Resolve(string name, ResourceRegistry registry) =>
        registry.Resolve(name) ?? throw KubectlException.Error($"the server doesn't have a resource type \"{name}\"");

    /// <summary>How kubectl names a kind in its messages: "pod", "deployment.apps".</summary>
    public static string Qualified(ResourceType type) => type.QualifiedKind.ToLowerInvariant();

    /// <summary>"deployment.apps/web", as in "deployment.apps/web created".</summary>
    public static string Ref(ResourceType type, string? name) => $"{Qualified(type)}/{name}";
}
