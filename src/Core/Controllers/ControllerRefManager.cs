using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers;

/// <summary>
/// Upstream's ControllerRefManager: a controller keeps what it owns and still selects, adopts matching orphans,
/// and releases what it owns but no longer selects; objects controlled by others are left alone.
/// </summary>
internal sealed class ControllerRefManager<T>(ApiServer.ApiServer api, KubeObject controller, Func<T, bool> selects, WriteContext context)
    where T : KubeObject
{
    private bool ControllerDeleting => controller.Metadata.DeletionTimestamp is not null;

    /// <summary>The candidates this controller owns after claiming, in the candidates' order; adopted ones are returned as written.</summary>
    public List<T> Claim(IEnumerable<T> candidates)
    {
        var claimed = new List<T>();
        var changes = new List<(string Name, int Slot)>();
        foreach (var candidate in candidates)
        {
            var reference = ControllerRefs.ControllerOf(candidate);
            if (reference is not null && reference.Uid != controller.Metadata.Uid) continue;
            var owned = reference is not null;
            var keep = owned && selects(candidate);
            var change = !keep && !ControllerDeleting && (owned || (selects(candidate) && candidate.Metadata.DeletionTimestamp is null));
            if (change) changes.Add((candidate.Metadata.Name!, claimed.Count));
            if (keep || change) claimed.Add(candidate);
        }
        return changes.Count == 0 ? claimed : Change(claimed, changes);
    }

    /// <summary>
    /// Writes the adoptions and releases in name order, so the write log never depends on the candidates' order;
    /// released objects, and those gone meanwhile, leave the list.
    /// </summary>
    private List<T> Change(List<T> claimed, List<(string Name, int Slot)> changes)
    {
        changes.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var dropped = new HashSet<int>();
        foreach (var (_, slot) in changes)
        {
            var obj = claimed[slot];
            var adopting = ControllerRefs.ControllerOf(obj) is null;
            var written = adopting
                ? Write(obj, refs => refs.Add(ControllerRefs.For(controller)))
                : Write(obj, refs => refs.RemoveAll(r => r.Uid == controller.Metadata.Uid));
            if (adopting && written is not null) claimed[slot] = written;
            else dropped.Add(slot);
        }
        return [.. claimed.Where((_, slot) => !dropped.Contains(slot))];
    }

    private T? Write(T obj, Action<List<OwnerReference>> change)
    {
        var copy = KubeJson.Clone(obj);
        change(copy.Metadata.OwnerReferences ??= []);
        if (copy.Metadata.OwnerReferences.Count == 0) copy.Metadata.OwnerReferences = null;
        try
        {
            return api.Update(copy, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return null;
        }
    }
}
