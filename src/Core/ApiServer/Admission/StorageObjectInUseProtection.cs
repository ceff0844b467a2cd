using Playground.Core.Api.Core;

namespace Playground.Core.ApiServer.Admission;

/// <summary>Upstream's StorageObjectInUseProtection plugin: new claims and volumes carry the finalizer their protection controllers remove once nothing uses them.</summary>
public sealed class StorageObjectInUseProtection : IMutatingAdmission
{
    public const string ClaimFinalizer = "kubernetes.io/pvc-protection";
    public const string VolumeFinalizer = "kubernetes.io/pv-protection";

    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create) return;
        var finalizer = a.Object switch
        {
            PersistentVolumeClaim => ClaimFinalizer,
            PersistentVolume => VolumeFinalizer,
            _ => null,
        };
        if (finalizer is null) return;
        var finalizers = a.Object.Metadata.Finalizers ??= [];
        if (!finalizers.Contains(finalizer)) finalizers.Add(finalizer);
    }
}
