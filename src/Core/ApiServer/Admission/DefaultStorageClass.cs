using Playground.Core.Api.Core;
using Playground.Core.Api.Storage;

namespace Playground.Core.ApiServer.Admission;

/// <summary>Upstream's DefaultStorageClass plugin: a claim that names no class gets the class annotated as default.</summary>
public sealed class DefaultStorageClass : IMutatingAdmission
{
    public const string DefaultAnnotation = "storageclass.kubernetes.io/is-default-class";

    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Object is not PersistentVolumeClaim claim) return;
        if (claim.Spec.StorageClassName is not null) return;
        // The beta annotation also names a class, so such a claim is left alone as upstream does.
        if (claim.Metadata.Annotations?.ContainsKey("volume.beta.kubernetes.io/storage-class") == true) return;
        if (Default(a.Api) is { } sc) claim.Spec.StorageClassName = sc.Metadata.Name;
    }

    /// <summary>The newest class annotated default (upstream picks the newest when several are), or none.</summary>
    public static StorageClass? Default(ApiServer api) =>
        api.List<StorageClass>()
            .Where(sc => sc.Metadata.Annotations?.GetValueOrDefault(DefaultAnnotation) == "true")
            .OrderByDescending(sc => sc.Metadata.CreationTimestamp).ThenBy(sc => sc.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
}
