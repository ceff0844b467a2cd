using Playground.Core.Api.Core;

namespace Playground.Core.ApiServer.Admission;

/// <summary>Upstream's NamespaceLifecycle plugin: nothing new may be created in a namespace that is being terminated.</summary>
public sealed class NamespaceLifecycle : IMutatingAdmission
{
    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || !a.Type.Namespaced) return;
        if (a.Api.TryGet<Namespace>(null, a.Namespace) is { Metadata.DeletionTimestamp: not null })
            throw a.Forbidden($"unable to create new content in namespace {a.Namespace} because it is being terminated");
    }
}
