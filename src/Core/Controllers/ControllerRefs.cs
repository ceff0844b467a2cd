using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers;

/// <summary>Controller references: the one owner reference marked controller, and the one a controller puts on what it makes.</summary>
public static class ControllerRefs
{
    public static OwnerReference? ControllerOf(KubeObject obj)
    {
        // A plain loop: controllers ask this of every pod they select on every sync.
        if (obj.Metadata.OwnerReferences is not { } references) return null;
        foreach (var reference in references)
            if (reference.Controller == true) return reference;
        return null;
    }

    public static OwnerReference For(KubeObject owner) => new()
    {
        ApiVersion = owner.ApiVersion,
        Kind = owner.Kind,
        Name = owner.Metadata.Name!,
        Uid = owner.Metadata.Uid!,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>The controller a reference names, if it is of the informer's kind and still the same object (same uid).</summary>
    public static T? Resolve<T>(Informer<T> informer, string? ns, OwnerReference? reference) where T : KubeObject
    {
        if (reference is null) return null;
        var owner = informer.Get(ns, reference.Name);
        return owner is not null && owner.Kind == reference.Kind && owner.Metadata.Uid == reference.Uid ? owner : null;
    }

    /// <summary>
    /// The event handler of a dependent (pod, ReplicaSet), as upstream's controllers write it: a change wakes the
    /// controller before and after; a change to an orphan's labels or owner wakes every owner whose selector matches it.
    /// </summary>
    internal static void EnqueueControllers<TOwner, TDependent>(Informer<TOwner> owners, ControllerQueue queue,
        TDependent? old, TDependent? current, long? cause, Func<TOwner, LabelSelector?> selectorOf)
        where TOwner : KubeObject where TDependent : KubeObject
    {
        foreach (var dependent in new[] { old, current })
        {
            if (dependent is not null && Resolve(owners, dependent.Metadata.Namespace, ControllerOf(dependent)) is { } owner)
                queue.Add(Informer<TOwner>.KeyOf(owner), cause);
        }
        if (current is null || ControllerOf(current) is not null) return;
        var labelsChanged = old is null || KubeJson.SerializeValue(old.Metadata.Labels) != KubeJson.SerializeValue(current.Metadata.Labels);
        if (!labelsChanged && ControllerOf(old!) is null) return;
        foreach (var owner in owners.List(current.Metadata.Namespace))
            if (LabelSelectors.Matches(selectorOf(owner), current.Metadata.Labels)) queue.Add(Informer<TOwner>.KeyOf(owner), cause);
    }
}
