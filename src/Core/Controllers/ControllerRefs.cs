using Playground.Core.Api.Meta;
using Playground.Core.Clients;

namespace Playground.Core.Controllers;

/// <summary>Controller references: the one owner reference marked controller, and the one a controller puts on what it makes.</summary>
public static class ControllerRefs
{
    public static OwnerReference? ControllerOf(KubeObject obj) =>
        obj.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true);

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
}
