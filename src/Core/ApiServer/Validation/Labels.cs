using System.Text.RegularExpressions;

namespace Playground.Core.ApiServer.Validation;

/// <summary>Label keys and values as upstream validates them.</summary>
public static partial class Labels
{
    public static void Validate(Dictionary<string, string>? labels, string path, List<FieldError> errors)
    {
        if (labels is null) return;
        foreach (var (key, value) in labels)
        {
            if (QualifiedNameProblem(key) is { } keyProblem) errors.Add(FieldError.Invalid(path, $"\"{key}\"", keyProblem));
            if (value.Length > 63 || !ValuePattern().IsMatch(value))
                errors.Add(FieldError.Invalid($"{path}", $"\"{value}\"",
                    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
        }
    }

    /// <summary>What is wrong with a qualified name ("prefix/name"), the rule for label and annotation keys and finalizers; null when nothing.</summary>
    public static string? QualifiedNameProblem(string key)
    {
        var slash = key.IndexOf('/');
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        if (slash >= 0 && Names.Subdomain(key[..slash]) is { } prefixProblem) return "prefix part " + prefixProblem;
        if (name.Length == 0 || name.Length > 63 || !NamePattern().IsMatch(name))
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        return null;
    }

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex NamePattern();
}
