using System.Text.RegularExpressions;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Validation;

/// <summary>Label selectors: matching, validation, and the string syntax of kubectl -l and ?labelSelector=.</summary>
public static partial class LabelSelectors
{
    private static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static bool Matches(LabelSelector? selector, IReadOnlyDictionary<string, string>? labels)
    {
        if (selector is null) return false;
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        return (selector.MatchExpressions ?? []).All(r => Matches(r, labels));
    }

    public static bool Matches(LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            "In" => has && (requirement.Values ?? []).Contains(value!),
            "NotIn" => !has || !(requirement.Values ?? []).Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && long.TryParse(value, out var g) && long.TryParse(requirement.Values?.FirstOrDefault(), out var gt) && g > gt,
            "Lt" => has && long.TryParse(value, out var l) && long.TryParse(requirement.Values?.FirstOrDefault(), out var lt) && l < lt,
            _ => false,
        };
    }

    /// <summary>An equality-only selector (a Service's or a ReplicaSet's matchLabels) matches when every pair is present.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string>? selector, IReadOnlyDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);

    public static IEnumerable<FieldError> Validate(LabelSelector selector, string path)
    {
        var errors = new List<FieldError>();
        Labels.Validate(selector.MatchLabels, $"{path}.matchLabels", errors);
        var expressions = selector.MatchExpressions ?? [];
        for (var i = 0; i < expressions.Count; i++)
        {
            var r = expressions[i];
            var at = $"{path}.matchExpressions[{i}]";
            if (!Operators.Contains(r.Operator))
                errors.Add(FieldError.Invalid($"{at}.operator", $"\"{r.Operator}\"", "not a valid selector operator"));
            else if (r.Operator is "In" or "NotIn" && (r.Values?.Count ?? 0) == 0)
                errors.Add(FieldError.Required($"{at}.values", "must be specified when `operator` is 'In' or 'NotIn'"));
            else if (r.Operator is "Exists" or "DoesNotExist" && (r.Values?.Count ?? 0) > 0)
                errors.Add(FieldError.Forbidden($"{at}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        return errors;
    }

    /// <summary>Parses "a=b,c!=d,e in (x,y),f notin (z),g,!h" into a selector; throws FormatException naming what is wrong.</summary>
    public static LabelSelector Parse(string text)
    {
        var selector = new LabelSelector { MatchExpressions = [] };
        foreach (var part in SplitTopLevel(text))
        {
            var term = part.Trim();
            if (term.Length == 0) continue;
            Match m;
            if ((m = SetPattern().Match(term)).Success)
            {
                var values = m.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
                selector.MatchExpressions.Add(new() { Key = m.Groups[1].Value, Operator = m.Groups[2].Value.ToLowerInvariant() == "in" ? "In" : "NotIn", Values = values });
            }
            else if ((m = EqualityPattern().Match(term)).Success)
            {
                var op = m.Groups[2].Value;
                selector.MatchExpressions.Add(new() { Key = m.Groups[1].Value, Operator = op == "!=" ? "NotIn" : "In", Values = [m.Groups[3].Value] });
            }
            else if ((m = ExistsPattern().Match(term)).Success)
            {
                selector.MatchExpressions.Add(new() { Key = m.Groups[2].Value, Operator = m.Groups[1].Value == "!" ? "DoesNotExist" : "Exists" });
            }
            else
            {
                throw new FormatException($"unable to parse requirement: found '{term}', expected: identifier");
            }
        }
        return selector;
    }

    /// <summary>Go's %#v of a selector, used in "field is immutable" messages.</summary>
    public static string GoString(LabelSelector? selector) =>
        selector is null ? "(*v1.LabelSelector)(nil)"
        : $"v1.LabelSelector{{MatchLabels:{Strategies.WorkloadValidation.GoMap(selector.MatchLabels ?? [])}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}";

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    [GeneratedRegex(@"^([A-Za-z0-9./_-]+)\s+(in|notin)\s*\(([^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$")]
    private static partial Regex EqualityPattern();

    [GeneratedRegex(@"^(!?)\s*([A-Za-z0-9./_-]+)$")]
    private static partial Regex ExistsPattern();
}
