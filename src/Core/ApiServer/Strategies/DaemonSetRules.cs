using System.Globalization;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's daemonset strategy: apps/v1 defaults, the template generation annotation, ValidateDaemonSetSpec.</summary>
public sealed class DaemonSetRules : ResourceStrategy<DaemonSet>
{
    /// <summary>apps/v1 keeps the internal spec.templateGeneration in this annotation; daemon pods carry it as pod-template-generation.</summary>
    public const string TemplateGenerationAnnotation = "deprecated.daemonset.template.generation";

    protected override bool HasGeneration => true;

    protected override void ResetStatus(DaemonSet ds) => ds.Status = new DaemonSetStatus();

    protected override void Default(DaemonSet ds, StrategyContext context)
    {
        var spec = ds.Spec;
        spec.RevisionHistoryLimit ??= 10;
        spec.UpdateStrategy ??= new DaemonSetUpdateStrategy();
        spec.UpdateStrategy.Type ??= "RollingUpdate";
        if (spec.UpdateStrategy.Type == "RollingUpdate")
        {
            spec.UpdateStrategy.RollingUpdate ??= new RollingUpdateDaemonSet();
            spec.UpdateStrategy.RollingUpdate.MaxUnavailable ??= 1;
            spec.UpdateStrategy.RollingUpdate.MaxSurge ??= 0;
        }
        spec.Template.Metadata ??= new();
        PodSpecs.Default(spec.Template.Spec);
        (ds.Metadata.Annotations ??= []).TryAdd(TemplateGenerationAnnotation, "1");
    }

    /// <summary>A changed template moves the template generation on, as upstream's PrepareForUpdate does.</summary>
    protected override void PrepareUpdate(DaemonSet updated, DaemonSet old)
    {
        var generation = TemplateGeneration(old);
        if (KubeJson.SerializeValue(updated.Spec.Template) != KubeJson.SerializeValue(old.Spec.Template)) generation++;
        (updated.Metadata.Annotations ??= [])[TemplateGenerationAnnotation] = generation.ToString(CultureInfo.InvariantCulture);
    }

    public static long TemplateGeneration(DaemonSet ds) =>
        long.TryParse(ds.Metadata.Annotations?.GetValueOrDefault(TemplateGenerationAnnotation), out var g) ? g : 1;

    protected override IEnumerable<FieldError> ValidateObject(DaemonSet ds)
    {
        var spec = ds.Spec;
        foreach (var error in WorkloadValidation.Validate(spec.Selector, spec.Template, null, "daemonset")) yield return error;
        if (spec.Template.Spec.ActiveDeadlineSeconds is not null)
            yield return FieldError.Forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in DaemonSet is not Supported");
        if (spec.MinReadySeconds < 0)
            yield return FieldError.Invalid("spec.minReadySeconds", spec.MinReadySeconds.Value.ToString(), "must be greater than or equal to 0");
        if (spec.RevisionHistoryLimit < 0)
            yield return FieldError.Invalid("spec.revisionHistoryLimit", spec.RevisionHistoryLimit.Value.ToString(), "must be greater than or equal to 0");
        var strategy = spec.UpdateStrategy!;
        if (strategy.Type is not ("RollingUpdate" or "OnDelete"))
            yield return FieldError.NotSupported("spec.updateStrategy.type", $"\"{strategy.Type}\"", ["OnDelete", "RollingUpdate"]);
        else if (strategy.Type == "RollingUpdate" && strategy.RollingUpdate is null)
            yield return FieldError.Required("spec.updateStrategy.rollingUpdate");
        if (strategy.Type == "RollingUpdate" && strategy.RollingUpdate is { } rolling)
            foreach (var error in RollingValues(rolling)) yield return error;
    }

    protected override IEnumerable<FieldError> ValidateChange(DaemonSet updated, DaemonSet old)
    {
        if (KubeJson.SerializeValue(updated.Spec.Selector) != KubeJson.SerializeValue(old.Spec.Selector))
            yield return FieldError.Invalid("spec.selector", LabelSelectors.GoString(updated.Spec.Selector), "field is immutable");
    }

    /// <summary>Upstream's ValidateRollingUpdateDaemonSet: valid int-or-percent values, at most 100%, not both zero.</summary>
    private static IEnumerable<FieldError> RollingValues(RollingUpdateDaemonSet rolling)
    {
        var values = new[] { (rolling.MaxUnavailable, "maxUnavailable"), (rolling.MaxSurge, "maxSurge") };
        foreach (var (value, field) in values)
        {
            if (value is not { } v) continue;
            var path = $"spec.updateStrategy.rollingUpdate.{field}";
            if (v.IntValue < 0) yield return FieldError.Invalid(path, v.ToString(), "must be greater than or equal to 0");
            if (v.StringValue is { } s)
            {
                if (!s.EndsWith('%') || !int.TryParse(s[..^1], out var percent))
                    yield return FieldError.Invalid(path, $"\"{s}\"", "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')");
                else if (percent > 100)
                    yield return FieldError.Invalid(path, $"\"{s}\"", "must not be greater than 100%");
            }
        }
        static bool Zero(IntOrString? v) => v is null || v.Value.IntValue == 0 || v.Value.StringValue == "0%";
        if (Zero(rolling.MaxUnavailable) && Zero(rolling.MaxSurge))
            yield return FieldError.Invalid("spec.updateStrategy.rollingUpdate.maxUnavailable", rolling.MaxUnavailable?.ToString() ?? "0", "may not be 0 when `maxSurge` is 0");
    }
}
