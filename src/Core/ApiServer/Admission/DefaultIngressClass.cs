using Playground.Core.Api.Networking;

namespace Playground.Core.ApiServer.Admission;

/// <summary>Upstream's DefaultIngressClass plugin: a new ingress that names no class (nor the old annotation) gets the default class.</summary>
public sealed class DefaultIngressClass : IMutatingAdmission
{
    public const string DefaultAnnotation = "ingressclass.kubernetes.io/is-default-class";
    private const string LegacyAnnotation = "kubernetes.io/ingress.class";

    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Object is not Ingress ingress) return;
        if (ingress.Spec.IngressClassName is not null || ingress.Metadata.Annotations?.ContainsKey(LegacyAnnotation) == true) return;
        // Several defaults: upstream takes the newest.
        var chosen = a.Api.List<IngressClass>()
            .Where(c => c.Metadata.Annotations?.GetValueOrDefault(DefaultAnnotation) == "true")
            .OrderByDescending(c => c.Metadata.CreationTimestamp).ThenBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (chosen is not null) ingress.Spec.IngressClassName = chosen.Metadata.Name;
    }
}
