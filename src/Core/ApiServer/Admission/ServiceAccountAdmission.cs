using Playground.Core.Api.Core;

namespace Playground.Core.ApiServer.Admission;

/// <summary>Upstream's ServiceAccount plugin: a pod runs as "default" unless it names another account, which must exist.</summary>
public sealed class ServiceAccountAdmission : IMutatingAdmission
{
    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Object is not Pod pod) return;
        // Mirror pods (static pods of a kubelet) are exempt upstream.
        if (pod.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") == true) return;
        var name = string.IsNullOrEmpty(pod.Spec.ServiceAccountName) ? pod.Spec.ServiceAccount : pod.Spec.ServiceAccountName;
        if (string.IsNullOrEmpty(name)) name = "default";
        pod.Spec.ServiceAccountName = name;
        if (a.Api.TryGet<ServiceAccount>(a.Namespace, name) is null)
            throw a.Forbidden($"error looking up service account {a.Namespace}/{name}: serviceaccount \"{name}\" not found");
    }
}
