using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Admission;
using Playground.Core.Storage;

namespace Playground.Core.ApiServer;

public sealed partial class ApiServer
{
    private readonly AdmissionChain _admission = new();

    private AdmissionAttributes Admit(AdmissionOperation operation, ResourceType type, KubeObject obj, KubeObject? old, WriteContext context)
    {
        // Only the finalize subresource changes a namespace's spec.finalizers, as upstream's namespace update strategy keeps them.
        if (obj is Namespace ns && old is Namespace previous) (ns.Spec ??= new NamespaceSpec()).Finalizers = previous.Spec?.Finalizers;
        var attributes = new AdmissionAttributes(operation, type, obj, old, this, context);
        _admission.Admit(attributes);
        return attributes;
    }

    /// <summary>
    /// Upstream's namespace REST delete: a namespace with spec.finalizers turns Terminating (deletionTimestamp and phase),
    /// and goes only when the namespace controller has emptied it and called finalize; the system namespaces never go.
    /// </summary>
    private KubeObject TerminateNamespace(ResourceType type, ObjectKey key, Namespace ns, WriteContext context)
    {
        if (ns.Metadata.Name is "default" or "kube-system" or "kube-public")
            throw ApiException.Forbidden($"namespaces \"{ns.Metadata.Name}\" is forbidden: this namespace may not be deleted");
        if (ns.Metadata.DeletionTimestamp is not null) return ns;
        ns.Metadata.DeletionTimestamp = clock.Now;
        ns.Metadata.DeletionGracePeriodSeconds = 0;
        ns.Status = new NamespaceStatus { Phase = "Terminating" };
        return Commit(WriteType.Modified, key, type, ns, context);
    }

    /// <summary>The finalize subresource of a namespace: the only way to change spec.finalizers; with none left, a terminating namespace is gone.</summary>
    public Namespace FinalizeNamespace(string name, IReadOnlyList<string> finalizers, WriteContext context)
    {
        BeforeWrite?.Invoke();
        var type = resources.For<Namespace>();
        var key = Key(type, null, name);
        var ns = (Namespace)Copy(store.Get(key) ?? throw ApiException.NotFound(type, name));
        (ns.Spec ??= new NamespaceSpec()).Finalizers = finalizers.Count == 0 ? null : [.. finalizers];
        if (ns.Metadata.DeletionTimestamp is not null && ns.Metadata.Finalizers is null && !HasSpecFinalizers(ns))
            return (Namespace)Remove(type, key, ns, context);
        return (Namespace)Commit(WriteType.Modified, key, type, ns, context);
    }

    private static bool HasSpecFinalizers(KubeObject obj) => obj is Namespace { Spec.Finalizers.Count: > 0 };
}
