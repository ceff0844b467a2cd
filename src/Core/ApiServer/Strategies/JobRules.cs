using Playground.Core.Api.Batch;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>Upstream's job strategy: defaults, a selector generated from the job's uid, and the job validation.</summary>
public sealed class JobRules : ResourceStrategy<Job>
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    public const string LegacyControllerUidLabel = "controller-uid";
    public const string LegacyJobNameLabel = "job-name";

    protected override bool HasGeneration => true;

    protected override void Default(Job job, StrategyContext context)
    {
        Defaults(job.Spec);
        // Only a new job lacks a selector (it is immutable), so this runs once, at create, as upstream's PrepareForCreate.
        if (job.Spec.ManualSelector != true && job.Spec.Selector is null) GenerateSelector(job);
        // Decoding defaults copy the template's labels onto a job that has none.
        if (job.Metadata.Labels is not { Count: > 0 } && job.Spec.Template.Metadata?.Labels is { Count: > 0 } labels)
            job.Metadata.Labels = new(labels);
    }

    /// <summary>SetDefaults_Job, shared with the CronJob's job template.</summary>
    public static void Defaults(JobSpec spec)
    {
        if (spec.Completions is null && spec.Parallelism is null) spec.Completions = 1;
        spec.Parallelism ??= 1;
        if (spec.BackoffLimitPerIndex is null) spec.BackoffLimit ??= 6;
        spec.CompletionMode ??= "NonIndexed";
        spec.Suspend ??= false;
        if (spec.PodFailurePolicy is null) spec.PodReplacementPolicy ??= "TerminatingOrFailed";
        spec.Template.Metadata ??= new ObjectMeta();
        PodSpecs.Default(spec.Template.Spec);
    }

    private static void GenerateSelector(Job job)
    {
        var uid = job.Metadata.Uid!;
        var labels = job.Spec.Template.Metadata!.Labels ??= [];
        labels[ControllerUidLabel] = uid;
        labels[JobNameLabel] = job.Metadata.Name ?? "";
        labels[LegacyControllerUidLabel] = uid;
        labels[LegacyJobNameLabel] = job.Metadata.Name ?? "";
        job.Spec.Selector ??= new LabelSelector { MatchLabels = new() { [ControllerUidLabel] = uid } };
    }

    protected override IEnumerable<FieldError> ValidateObject(Job job) => ValidateSpec(job.Spec, "spec", job.Spec.ManualSelector == true || job.Spec.Selector is not null);

    /// <summary>ValidateJobSpec; a CronJob's template has no selector yet, so it is checked only when one is set.</summary>
    public static IEnumerable<FieldError> ValidateSpec(JobSpec spec, string path, bool selectorRequired)
    {
        foreach (var (value, field) in new[] { ((long?)spec.Parallelism, "parallelism"), (spec.Completions, "completions"), (spec.ActiveDeadlineSeconds, "activeDeadlineSeconds"), (spec.BackoffLimit, "backoffLimit"), (spec.TtlSecondsAfterFinished, "ttlSecondsAfterFinished") })
            if (value < 0) yield return FieldError.Invalid($"{path}.{field}", value.Value.ToString(), "must be greater than or equal to 0");
        if (spec.CompletionMode is { } mode && mode is not ("NonIndexed" or "Indexed"))
            yield return FieldError.NotSupported($"{path}.completionMode", $"\"{mode}\"", ["NonIndexed", "Indexed"]);
        if (spec.CompletionMode == "Indexed" && spec.Completions is null)
            yield return FieldError.Required($"{path}.completions", "when completion mode is Indexed");
        if (spec.Selector is { } selector)
        {
            foreach (var error in LabelSelectors.Validate(selector, $"{path}.selector")) yield return error;
            var labels = spec.Template.Metadata?.Labels ?? [];
            if (!LabelSelectors.Matches(selector, labels))
                yield return FieldError.Invalid($"{path}.template.metadata.labels", WorkloadValidation.GoMap(labels), "`selector` does not match template `labels`");
        }
        else if (selectorRequired)
        {
            yield return FieldError.Required($"{path}.selector");
        }
        var errors = new List<FieldError>();
        Labels.Validate(spec.Template.Metadata?.Labels, $"{path}.template.metadata.labels", errors);
        foreach (var error in errors) yield return error;
        foreach (var error in PodSpecs.Validate(spec.Template.Spec, $"{path}.template.spec")) yield return error;
        if (spec.Template.Spec.RestartPolicy is not ("OnFailure" or "Never"))
            yield return FieldError.NotSupported($"{path}.template.spec.restartPolicy", $"\"{spec.Template.Spec.RestartPolicy}\"", ["OnFailure", "Never"]);
    }

    protected override IEnumerable<FieldError> ValidateChange(Job updated, Job old)
    {
        if (KubeJson.SerializeValue(updated.Spec.Selector) != KubeJson.SerializeValue(old.Spec.Selector))
            yield return FieldError.Invalid("spec.selector", LabelSelectors.GoString(updated.Spec.Selector), "field is immutable");
        if (old.Spec.Suspend != true && KubeJson.SerializeValue(updated.Spec.Template) != KubeJson.SerializeValue(old.Spec.Template))
            yield return FieldError.Invalid("spec.template", "core.PodTemplateSpec{...}", "field is immutable");
        if (updated.Spec.CompletionMode != old.Spec.CompletionMode)
            yield return FieldError.Invalid("spec.completionMode", $"\"{updated.Spec.CompletionMode}\"", "field is immutable");
    }
}
