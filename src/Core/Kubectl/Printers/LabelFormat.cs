using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers;

/// <summary>Labels and selectors as kubectl writes them in tables and descriptions.</summary>
public static class LabelFormat
{
    /// <summary>labels.FormatLabels: "a=b,c=d" sorted by key, or "&lt;none&gt;".</summary>
    public static string Labels(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0
            ? "<none>"
            : string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>A selector's String(): requirements sorted by key, "" when it selects everything (or nothing).</summary>
    public static string Selector(LabelSelector? selector)
    {
        if (selector is null) return "";
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
            requirements.Add((key, $"{key}={value}"));
        foreach (var e in selector.MatchExpressions ?? [])
        {
            var values = string.Join(',', (e.Values ?? []).Order(StringComparer.Ordinal));
            requirements.Add((e.Key, e.Operator switch
            {
                "In" => $"{e.Key} in ({values})",
                "NotIn" => $"{e.Key} notin ({values})",
                "Exists" => e.Key,
                "DoesNotExist" => $"!{e.Key}",
                _ => $"{e.Key} {e.Operator} ({values})",
            }));
        }
        return string.Join(',', requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    /// <summary>metav1.FormatLabelSelector: the selector's text, or "&lt;none&gt;".</summary>
    public static string FormatSelector(LabelSelector? selector) => Selector(selector) is { Length: > 0 } text ? text : "<none>";
}
