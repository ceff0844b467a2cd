using Playground.Core.Api.Apps;
using Playground.Core.ApiServer.Validation;
using StrategySpec = Playground.Core.Api.Apps.DeploymentStrategy;

namespace Playground.Core.ApiServer.Strategies;

public sealed class DeploymentRules : ResourceStrategy<Deployment>
{
    protected override bool HasGeneration => true;

    /// <summary>The deployment controller records the revision annotation in the same status write, as upstream allows.</summary>
    protected override bool StatusWritesAnnotations => true;

    protected override void Default(Deployment deployment, StrategyContext context)
    {
        var spec = deployment.Spec;
        spec.Replicas ??= 1;
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        spec.Strategy ??= new StrategySpec();
        spec.Strategy.Type ??= "RollingUpdate";
        if (spec.Strategy.Type == "RollingUpdate")
        {
            spec.Strategy.RollingUpdate ??= new RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxSurge ??= "25%";
            spec.Strategy.RollingUpdate.MaxUnavailable ??= "25%";
        }
        spec.Template.Metadata ??= new();
        PodSpecs.Default(spec.Template.Spec);
    }

    protected override IEnumerable<FieldError> ValidateObject(Deployment deployment)
    {
        foreach (var error in WorkloadValidation.Validate(deployment.Spec.Selector, deployment.Spec.Template, deployment.Spec.Replicas))
            yield return error;
        var strategy = deployment.Spec.Strategy;
        if (strategy?.Type is { } type && type is not ("RollingUpdate" or "Recreate"))
            yield return FieldError.NotSupported("spec.strategy.type", $"\"{type}\"", ["Recreate", "RollingUpdate"]);
        if (strategy?.Type == "Recreate" && strategy.RollingUpdate is not null)
            yield return FieldError.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
        if (strategy?.RollingUpdate is { } rolling)
        {
            foreach (var error in RollingValues(rolling)) yield return error;
        }
    }

    protected override IEnumerable<FieldError> ValidateStatus(Deployment deployment) => deployment.Status is not { } status ? [] : NonNegative(
        ("status.observedGeneration", status.ObservedGeneration), ("status.replicas", status.Replicas), ("status.updatedReplicas", status.UpdatedReplicas),
        ("status.readyReplicas", status.ReadyReplicas), ("status.availableReplicas", status.AvailableReplicas),
        ("status.unavailableReplicas", status.UnavailableReplicas), ("status.collisionCount", status.CollisionCount));

    protected override IEnumerable<FieldError> ValidateChange(Deployment updated, Deployment old)
    {
        if (Serialization.KubeJson.SerializeValue(updated.Spec.Selector) != Serialization.KubeJson.SerializeValue(old.Spec.Selector))
            yield return FieldError.Invalid("spec.selector", LabelSelectors.GoString(updated.Spec.Selector), "field is immutable");
    }

    /// <summary>The number an int-or-percent holds, as upstream's getIntOrPercentValue reads it.</summary>
    private static int Number(Api.Meta.IntOrString? value) =>
        value?.IntValue ?? (int.TryParse(value?.StringValue?.TrimEnd('%'), out var percent) ? percent : 0);

    private static IEnumerable<FieldError> RollingValues(RollingUpdateDeployment rolling)
    {
        foreach (var (value, field) in new[] { (rolling.MaxSurge, "maxSurge"), (rolling.MaxUnavailable, "maxUnavailable") })
        {
            if (value is not { } v) continue;
            if (v.IntValue < 0) yield return FieldError.Invalid($"spec.strategy.rollingUpdate.{field}", v.ToString(), "must be greater than or equal to 0");
            if (v.StringValue is { } s && (!s.EndsWith('%') || !int.TryParse(s[..^1], out _)))
                yield return FieldError.Invalid($"spec.strategy.rollingUpdate.{field}", $"\"{s}\"", "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
        }
        if (Number(rolling.MaxSurge) == 0 && Number(rolling.MaxUnavailable) == 0)
            yield return FieldError.Invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.MaxUnavailable?.ToString() ?? "0", "may not be 0 when `maxSurge` is 0");
    }
}
