using Playground.Core.Api.Meta;
using Playground.Core.Api.Policy;

namespace Playground.Core.ApiServer.Strategies;

/// <summary>PodDisruptionBudget rules, as upstream's policy validation: one of minAvailable/maxUnavailable, each a count or a percentage.</summary>
public sealed class PodDisruptionBudgetRules : ResourceStrategy<PodDisruptionBudget>
{
    protected override bool HasGeneration => true;

    protected override void ResetStatus(PodDisruptionBudget pdb) => pdb.Status = new PodDisruptionBudgetStatus();

    protected override IEnumerable<FieldError> ValidateObject(PodDisruptionBudget pdb)
    {
        var spec = pdb.Spec;
        if (spec.MinAvailable is not null && spec.MaxUnavailable is not null)
            yield return FieldError.Invalid("spec", Serialization.KubeJson.SerializeValue(spec), "minAvailable and maxUnavailable cannot be both set");
        foreach (var (field, value) in new[] { ("spec.minAvailable", spec.MinAvailable), ("spec.maxUnavailable", spec.MaxUnavailable) })
            if (value is { } v && Problem(v) is { } problem) yield return FieldError.Invalid(field, $"\"{v}\"", problem);
        if (spec.UnhealthyPodEvictionPolicy is { } policy and not ("IfHealthyBudget" or "AlwaysAllow"))
            yield return FieldError.NotSupported("spec.unhealthyPodEvictionPolicy", $"\"{policy}\"", ["AlwaysAllow", "IfHealthyBudget"]);
    }

    /// <summary>ValidateNonnegativeIntOrPercent and IsValidPercent, with their messages.</summary>
    private static string? Problem(IntOrString value)
    {
        if (value.IntValue is int i) return i < 0 ? "must be greater than or equal to 0" : null;
        var text = value.StringValue ?? "";
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], out var percent) || text[0] is '+' or '-')
            return "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
        return percent > 100 ? "must be no more than 100%" : null;
    }
}
