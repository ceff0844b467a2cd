using Playground.Core.Api.Apps;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.ApiServer.Strategies;

public sealed class ReplicaSetRules : ResourceStrategy<ReplicaSet>
{
    protected override bool HasGeneration => true;

    protected override void ResetStatus(ReplicaSet rs) => rs.Status = new ReplicaSetStatus();

    protected override void Default(ReplicaSet rs, StrategyContext context)
    {
        rs.Spec.Replicas ??= 1;
        if (rs.Spec.Template is { } template) PodSpecs.Default(template.Spec);
    }

    protected override IEnumerable<FieldError> ValidateObject(ReplicaSet rs) =>
        WorkloadValidation.Validate(rs.Spec.Selector, rs.Spec.Template, rs.Spec.Replicas);

    protected override IEnumerable<FieldError> ValidateStatus(ReplicaSet rs) => rs.Status is not { } status ? [] : NonNegative(
        ("status.replicas", status.Replicas), ("status.fullyLabeledReplicas", status.FullyLabeledReplicas), ("status.readyReplicas", status.ReadyReplicas),
        ("status.availableReplicas", status.AvailableReplicas), ("status.observedGeneration", status.ObservedGeneration));

    protected override IEnumerable<FieldError> ValidateChange(ReplicaSet updated, ReplicaSet old)
    {
        if (Serialization.KubeJson.SerializeValue(updated.Spec.Selector) != Serialization.KubeJson.SerializeValue(old.Spec.Selector))
            yield return FieldError.Invalid("spec.selector", LabelSelectors.GoString(updated.Spec.Selector), "field is immutable");
    }
}
