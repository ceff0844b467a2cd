using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>The checks Deployments, ReplicaSets and other controllers' specs share: selector, template, replicas.</summary>
internal static class WorkloadValidation
{
    public static IEnumerable<FieldError> Validate(LabelSelector? selector, PodTemplateSpec? template, int? replicas, string kind = "deployment")
    {
        if (replicas < 0) yield return FieldError.Invalid("spec.replicas", replicas.Value.ToString(), "must be greater than or equal to 0");
        if (selector is null)
        {
            yield return FieldError.Required("spec.selector");
        }
        else
        {
            if ((selector.MatchLabels?.Count ?? 0) + (selector.MatchExpressions?.Count ?? 0) == 0)
                yield return FieldError.Invalid("spec.selector", "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}", $"empty selector is invalid for {kind}");
            foreach (var error in LabelSelectors.Validate(selector, "spec.selector")) yield return error;
        }
        if (template is null)
        {
            yield return FieldError.Required("spec.template");
            yield break;
        }
        var labels = template.Metadata?.Labels ?? [];
        if (selector is not null && !LabelSelectors.Matches(selector, labels))
            yield return FieldError.Invalid("spec.template.metadata.labels", GoMap(labels), "`selector` does not match template `labels`");
        var errors = new List<FieldError>();
        Labels.Validate(template.Metadata?.Labels, "spec.template.metadata.labels", errors);
        foreach (var error in errors) yield return error;
        foreach (var error in PodSpecs.Validate(template.Spec, "spec.template.spec")) yield return error;
        if (template.Spec.RestartPolicy is { } policy && policy != "Always")
            yield return FieldError.NotSupported("spec.template.spec.restartPolicy", $"\"{policy}\"", ["Always"]);
    }

    /// <summary>Go's %#v of a map[string]string, which upstream messages print.</summary>
    public static string GoMap(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? "map[string]string(nil)"
        : "map[string]string{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":\"{p.Value}\"")) + "}";
}
