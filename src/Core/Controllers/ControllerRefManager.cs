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

    /// <summary>The candidates this controller owns after claiming; adopted ones are returned as written.</summary>
    public List<T> Claim(IEnumerable<T> candidates)
    {
        var claimed = new List<T>();
        foreach (var candidate in candidates)
            if (Claim(candidate) is { } owned) claimed.Add(owned);
        return claimed;
    }

    private T? Claim(T obj)
    {
        var reference = ControllerRefs.ControllerOf(obj);
        if (reference is not null)
        {
            if (reference.Uid != controller.Metadata.Uid) return null;
            if (selects(obj)) return obj;
            if (!ControllerDeleting) Write(obj, refs => refs.RemoveAll(r => r.Uid == controller.Metadata.Uid));
            return null;
        }
        if (ControllerDeleting || !selects(obj) || obj.Metadata.DeletionTimestamp is not null) return null;
        return Write(obj, refs => refs.Add(ControllerRefs.For(controller)));
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
