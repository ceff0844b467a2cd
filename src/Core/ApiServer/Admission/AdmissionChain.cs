namespace Playground.Core.ApiServer.Admission;

/// <summary>The enabled admission plugins in kube-apiserver's order; the first refusal (an ApiException) stops the request.</summary>
public sealed class AdmissionChain
{
    private readonly object[] _plugins =
    [
        new NamespaceLifecycle(),
        new LimitRanger(),
        new ServiceAccountAdmission(),
        new DefaultStorageClass(),
        new StorageObjectInUseProtection(),
        new DefaultIngressClass(),
        new SandboxLimitsAdmission(),
        new ResourceQuotaAdmission(),
    ];

    public void Admit(AdmissionAttributes attributes)
    {
        foreach (var plugin in _plugins.OfType<IMutatingAdmission>()) plugin.Admit(attributes);
    }

    public void Validate(AdmissionAttributes attributes)
    {
        foreach (var plugin in _plugins.OfType<IValidatingAdmission>()) plugin.Validate(attributes);
    }
}
