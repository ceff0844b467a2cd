using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's statefulset strategy: apps/v1 defaults, ValidateStatefulSetSpec, and the fields an update may change.</summary>
public sealed class StatefulSetRules : ResourceStrategy<StatefulSet>
{
    protected override bool HasGeneration => true;

    protected override void ResetStatus(StatefulSet set) => set.Status = new StatefulSetStatus();

    protected override void Default(StatefulSet set, StrategyContext context)
    {
        var spec = set.Spec;
        spec.Replicas ??= 1;
        spec.PodManagementPolicy ??= "OrderedReady";
        spec.RevisionHistoryLimit ??= 10;
        spec.UpdateStrategy ??= new StatefulSetUpdateStrategy();
        spec.UpdateStrategy.Type ??= "RollingUpdate";
        if (spec.UpdateStrategy.Type == "RollingUpdate")
        {
            spec.UpdateStrategy.RollingUpdate ??= new RollingUpdateStatefulSetStrategy();
            spec.UpdateStrategy.RollingUpdate.Partition ??= 0;
        }
        spec.PersistentVolumeClaimRetentionPolicy ??= new StatefulSetPersistentVolumeClaimRetentionPolicy();
        spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted ??= "Retain";
        spec.PersistentVolumeClaimRetentionPolicy.WhenScaled ??= "Retain";
        spec.Template.Metadata ??= new();
        PodSpecs.Default(spec.Template.Spec);
        foreach (var claim in spec.VolumeClaimTemplates ?? [])
        {
            claim.Spec.VolumeMode ??= "Filesystem";
            claim.Status ??= new PersistentVolumeClaimStatus { Phase = "Pending" };
        }
    }

    protected override IEnumerable<FieldError> ValidateObject(StatefulSet set)
    {
        var spec = set.Spec;
        if (spec.PodManagementPolicy is not ("OrderedReady" or "Parallel"))
            yield return FieldError.Invalid("spec.podManagementPolicy", $"\"{spec.PodManagementPolicy}\"", "must be 'OrderedReady' or 'Parallel'");
        var strategy = spec.UpdateStrategy!;
        switch (strategy.Type)
        {
            case "OnDelete" when strategy.RollingUpdate is not null:
                yield return FieldError.Invalid("spec.updateStrategy.rollingUpdate", KubeJson.SerializeValue(strategy.RollingUpdate), "only allowed for updateStrategy 'RollingUpdate'");
                break;
            case "OnDelete":
                break;
            case "RollingUpdate":
                if (strategy.RollingUpdate?.Partition < 0)
                    yield return FieldError.Invalid("spec.updateStrategy.rollingUpdate.partition", strategy.RollingUpdate.Partition.ToString()!, "must be greater than or equal to 0");
                break;
            default:
                yield return FieldError.Invalid("spec.updateStrategy", KubeJson.SerializeValue(strategy), "must be 'RollingUpdate' or 'OnDelete'");
                break;
        }
        if (spec.MinReadySeconds < 0)
            yield return FieldError.Invalid("spec.minReadySeconds", spec.MinReadySeconds.Value.ToString(), "must be greater than or equal to 0");
        foreach (var (value, field) in new[] { (spec.PersistentVolumeClaimRetentionPolicy?.WhenDeleted, "whenDeleted"), (spec.PersistentVolumeClaimRetentionPolicy?.WhenScaled, "whenScaled") })
        {
            if (value is not ("Retain" or "Delete"))
                yield return FieldError.NotSupported($"spec.persistentVolumeClaimRetentionPolicy.{field}", $"\"{value}\"", ["Retain", "Delete"]);
        }
        if (spec.Ordinals?.Start < 0)
            yield return FieldError.Invalid("spec.ordinals.start", spec.Ordinals.Start.Value.ToString(), "must be greater than or equal to 0");
        foreach (var error in WorkloadValidation.Validate(spec.Selector, spec.Template, spec.Replicas, "statefulset")) yield return error;
        if (spec.Template.Spec.ActiveDeadlineSeconds is not null)
            yield return FieldError.Forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported");
    }

    protected override IEnumerable<FieldError> ValidateStatus(StatefulSet set) => set.Status is not { } status ? [] : NonNegative(
        ("status.observedGeneration", status.ObservedGeneration), ("status.replicas", status.Replicas), ("status.readyReplicas", status.ReadyReplicas),
        ("status.currentReplicas", status.CurrentReplicas), ("status.updatedReplicas", status.UpdatedReplicas),
        ("status.availableReplicas", status.AvailableReplicas), ("status.collisionCount", status.CollisionCount));

    /// <summary>Upstream's ValidateStatefulSetUpdate: only replicas, ordinals, template, updateStrategy, the retention policy and minReadySeconds may change.</summary>
    protected override IEnumerable<FieldError> ValidateChange(StatefulSet updated, StatefulSet old)
    {
        static string Fixed(StatefulSet set)
        {
            var copy = KubeJson.Clone(set).Spec;
            copy.Replicas = null;
            copy.Ordinals = null;
            copy.Template = new();
            copy.UpdateStrategy = null;
            copy.PersistentVolumeClaimRetentionPolicy = null;
            copy.MinReadySeconds = null;
            return KubeJson.SerializeValue(copy);
        }
        if (Fixed(updated) != Fixed(old))
            yield return FieldError.Forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }
}
