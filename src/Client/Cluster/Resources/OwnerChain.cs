using Playground.Core.Api.Meta;

namespace Playground.Client.Cluster.Resources;

/// <summary>An object's owners up to the root and the objects it owns, from ownerReferences as the garbage collector reads them.</summary>
public static class OwnerChain
{
    /// <summary>The kinds that controllers create with an owner reference, searched for an object's dependents.</summary>
    private static readonly string[] OwnedKinds = ["ReplicaSet", "Job", "Pod"];

    /// <summary>One link of the chain: the owner when the page keeps it, otherwise only the reference.</summary>
    public sealed record Link(OwnerReference Reference, KubeObject? Object);

    /// <summary>From the root owner down to the direct owner; follows the controller reference (or the first) and stops at a cycle.</summary>
    public static IReadOnlyList<Link> Owners(KubeObject obj, LiveCluster cluster)
    {
        var links = new List<Link>();
        var seen = new HashSet<string?> { obj.Metadata.Uid };
        for (var current = obj; current?.Metadata.OwnerReferences is { Count: > 0 } refs;)
        {
            var owner = refs.FirstOrDefault(r => r.Controller == true) ?? refs[0];
            if (!seen.Add(owner.Uid)) break;
            current = cluster.OfKind(owner.Kind).FirstOrDefault(o => o.Metadata.Uid == owner.Uid && o.Metadata.Namespace == obj.Metadata.Namespace);
            links.Add(new Link(owner, current));
        }
        links.Reverse();
        return links;
    }

    /// <summary>The objects that name <paramref name="owner"/> in their ownerReferences, by kind then name.</summary>
    public static IReadOnlyList<KubeObject> Dependents(KubeObject owner, LiveCluster cluster) =>
        OwnedKinds.SelectMany(cluster.OfKind)
            .Where(o => o.Metadata.Namespace == owner.Metadata.Namespace && o.Metadata.OwnerReferences?.Any(r => r.Uid == owner.Metadata.Uid) == true)
            .OrderBy(o => Array.IndexOf(OwnedKinds, o.Kind)).ThenBy(o => o.Metadata.Name, StringComparer.Ordinal)
            .ToList();
}
