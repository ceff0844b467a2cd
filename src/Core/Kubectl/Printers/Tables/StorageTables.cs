using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer.Admission;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>Access modes abbreviated as upstream's GetAccessModesAsString: RWO, ROX, RWX, RWOP, in that order.</summary>
public static class AccessModeText
{
    public static string Of(IReadOnlyCollection<string>? modes)
    {
        modes ??= [];
        var names = new (string Mode, string Short)[] { ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP") };
        return string.Join(",", names.Where(n => modes.Contains(n.Mode)).Select(n => n.Short));
    }

    public static string Storage(Dictionary<string, string>? resources) =>
        resources?.GetValueOrDefault("storage") is { } s ? Amount.Of(s).ToString() : "";
}

public sealed class PersistentVolumeClaimTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
        [new("Name"), new("Status"), new("Volume"), new("Capacity"), new("Access Modes"), new("StorageClass"), new("VolumeAttributesClass"), new("Age"), new("VolumeMode", 1)];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var pvc = (PersistentVolumeClaim)obj;
        var bound = !string.IsNullOrEmpty(pvc.Spec.VolumeName);
        return
        [
            pvc.Metadata.Name ?? "",
            pvc.Metadata.DeletionTimestamp is not null ? "Terminating" : pvc.Status?.Phase ?? "",
            pvc.Spec.VolumeName ?? "",
            bound ? AccessModeText.Storage(pvc.Status?.Capacity) : "",
            bound ? AccessModeText.Of(pvc.Status?.AccessModes) : "",
            pvc.Spec.StorageClassName ?? "",
            string.IsNullOrEmpty(pvc.Spec.VolumeAttributesClassName) ? "<unset>" : pvc.Spec.VolumeAttributesClassName,
            HumanDuration.Since(pvc.Metadata.CreationTimestamp, now),
            pvc.Spec.VolumeMode ?? "<unset>",
        ];
    }
}

public sealed class PersistentVolumeTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
        [new("Name"), new("Capacity"), new("Access Modes"), new("Reclaim Policy"), new("Status"), new("Claim"), new("StorageClass"), new("VolumeAttributesClass"), new("Reason"), new("Age"), new("VolumeMode", 1)];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var pv = (PersistentVolume)obj;
        var claim = pv.Spec.ClaimRef is { } r ? $"{r.Namespace}/{r.Name}" : "";
        return
        [
            pv.Metadata.Name ?? "",
            AccessModeText.Storage(pv.Spec.Capacity),
            AccessModeText.Of(pv.Spec.AccessModes),
            pv.Spec.PersistentVolumeReclaimPolicy ?? "",
            pv.Metadata.DeletionTimestamp is not null ? "Terminating" : pv.Status?.Phase ?? "",
            claim,
            pv.Spec.StorageClassName ?? "",
            string.IsNullOrEmpty(pv.Spec.VolumeAttributesClassName) ? "<unset>" : pv.Spec.VolumeAttributesClassName,
            pv.Status?.Reason ?? "",
            HumanDuration.Since(pv.Metadata.CreationTimestamp, now),
            pv.Spec.VolumeMode ?? "<unset>",
        ];
    }
}

public sealed class StorageClassTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
        [new("Name"), new("Provisioner"), new("ReclaimPolicy"), new("VolumeBindingMode"), new("AllowVolumeExpansion"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var sc = (StorageClass)obj;
        var isDefault = sc.Metadata.Annotations?.GetValueOrDefault(DefaultStorageClass.DefaultAnnotation) == "true"
            || sc.Metadata.Annotations?.GetValueOrDefault("storageclass.beta.kubernetes.io/is-default-class") == "true";
        return
        [
            isDefault ? $"{sc.Metadata.Name} (default)" : sc.Metadata.Name ?? "",
            sc.Provisioner,
            sc.ReclaimPolicy ?? "Delete",
            sc.VolumeBindingMode ?? "Immediate",
            sc.AllowVolumeExpansion == true ? "true" : "false",
            HumanDuration.Since(sc.Metadata.CreationTimestamp, now),
        ];
    }
}
