using System.Globalization;

namespace Playground.Core.Kubectl.Parsing;

/// <summary>The positional arguments of a command and the flags that were set, by long name.</summary>
public sealed class ParsedArgs(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    /// <summary>How many positionals came before "--" (null without one), as cobra's ArgsLenAtDash tells exec where its command starts.</summary>
    public int? ArgsLenAtDash { get; init; }

    public bool IsSet(string name) => values.ContainsKey(name);

    /// <summary>The last value given, as pflag keeps for a flag set twice.</summary>
    public string? String(string name) => values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Strings(string name) => values.TryGetValue(name, out var v) ? v : [];

    public bool Bool(string name) => String(name) is { } v && ParseBool(v) == true;

    public int? Int(string name) => String(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>strconv.ParseBool's accepted spellings.</summary>
    public static bool? ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => null,
    };
}
