using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Storage;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Access modes a volume or claim may ask for.</summary>
internal static class AccessModes
{
    private static readonly string[] Supported = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];

    public static void Validate(List<string>? modes, string path, List<FieldError> errors)
    {
        if (modes is null || modes.Count == 0) { errors.Add(FieldError.Required(path, "at least 1 access mode is required")); return; }
        foreach (var mode in modes)
            if (!Supported.Contains(mode)) errors.Add(FieldError.NotSupported(path, $"\"{mode}\"", Supported));
    }
}

public sealed class PersistentVolumeRules : ResourceStrategy<PersistentVolume>
{
    private static readonly string[] ReclaimPolicies = ["Delete", "Recycle", "Retain"];

    protected override void ResetStatus(PersistentVolume pv) => pv.Status = new PersistentVolumeStatus { Phase = "Pending" };

    protected override void Default(PersistentVolume pv, StrategyContext context)
    {
        pv.Spec.PersistentVolumeReclaimPolicy ??= "Retain";
        pv.Spec.VolumeMode ??= "Filesystem";
    }

    protected override IEnumerable<FieldError> ValidateObject(PersistentVolume pv)
    {
        var errors = new List<FieldError>();
        var spec = pv.Spec;
        AccessModes.Validate(spec.AccessModes, "spec.accessModes", errors);
        if (spec.Capacity is null || spec.Capacity.Count == 0) errors.Add(FieldError.Required("spec.capacity"));
        else if (!spec.Capacity.TryGetValue("storage", out var storage)) errors.Add(FieldError.NotSupported("spec.capacity", $"\"{spec.Capacity.Keys.First()}\"", ["storage"]));
        else if (!Quantity.TryParse(storage, out var bytes) || bytes <= 0) errors.Add(FieldError.Invalid("spec.capacity[storage]", $"\"{storage}\"", "must be greater than zero"));
        if (spec.PersistentVolumeReclaimPolicy is { } policy && !ReclaimPolicies.Contains(policy))
            errors.Add(FieldError.NotSupported("spec.persistentVolumeReclaimPolicy", $"\"{policy}\"", ReclaimPolicies));
        if (spec.HostPath is null && spec.Local is null && spec.Csi is null && spec.Nfs is null)
            errors.Add(FieldError.Required("spec", "must specify a volume type"));
        return errors;
    }
}

public sealed class PersistentVolumeClaimRules : ResourceStrategy<PersistentVolumeClaim>
{
    protected override void ResetStatus(PersistentVolumeClaim pvc) => pvc.Status = new PersistentVolumeClaimStatus { Phase = "Pending" };

    protected override void Default(PersistentVolumeClaim pvc, StrategyContext context) => pvc.Spec.VolumeMode ??= "Filesystem";

    protected override IEnumerable<FieldError> ValidateObject(PersistentVolumeClaim pvc)
    {
        var errors = new List<FieldError>();
        AccessModes.Validate(pvc.Spec.AccessModes, "spec.accessModes", errors);
        if (pvc.Spec.Resources?.Requests is not { } requests || !requests.TryGetValue("storage", out var storage))
            errors.Add(FieldError.Required("spec.resources[storage]"));
        else if (!Quantity.TryParse(storage, out var bytes) || bytes <= 0)
            errors.Add(FieldError.Invalid("spec.resources[storage]", $"\"{storage}\"", "must be greater than zero"));
        return errors;
    }

    /// <summary>Only binding (volumeName, an unset class) and a larger request may change after creation.</summary>
    protected override IEnumerable<FieldError> ValidateChange(PersistentVolumeClaim updated, PersistentVolumeClaim old)
    {
        var a = updated.Spec;
        var b = old.Spec;
        var same = string.Join(",", a.AccessModes ?? []) == string.Join(",", b.AccessModes ?? [])
            && (b.VolumeName is null || a.VolumeName == b.VolumeName)
            && (b.StorageClassName is null || a.StorageClassName == b.StorageClassName)
            && a.VolumeMode == b.VolumeMode
            && Serialization.KubeJson.SerializeValue(a.Selector) == Serialization.KubeJson.SerializeValue(b.Selector);
        if (!same) yield return FieldError.Forbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
    }
}

public sealed class StorageClassRules : ResourceStrategy<StorageClass>
{
    private static readonly string[] BindingModes = ["Immediate", "WaitForFirstConsumer"];

    protected override void Default(StorageClass sc, StrategyContext context)
    {
        sc.ReclaimPolicy ??= "Delete";
        sc.VolumeBindingMode ??= "Immediate";
    }

    protected override IEnumerable<FieldError> ValidateObject(StorageClass sc)
    {
        if (sc.Provisioner.Length == 0) yield return FieldError.Required("provisioner");
        if (sc.VolumeBindingMode is { } mode && !BindingModes.Contains(mode))
            yield return FieldError.NotSupported("volumeBindingMode", $"\"{mode}\"", BindingModes);
    }

    protected override IEnumerable<FieldError> ValidateChange(StorageClass updated, StorageClass old)
    {
        if (updated.Provisioner != old.Provisioner) yield return FieldError.Forbidden("provisioner", "updates to provisioner are forbidden.");
        if (updated.ReclaimPolicy != old.ReclaimPolicy) yield return FieldError.Forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden.");
        if (updated.VolumeBindingMode != old.VolumeBindingMode) yield return FieldError.Forbidden("volumeBindingMode", "field is immutable");
        if (!ConfigMapRules.SameData(updated.Parameters, old.Parameters)) yield return FieldError.Forbidden("parameters", "updates to parameters are forbidden.");
    }
}
