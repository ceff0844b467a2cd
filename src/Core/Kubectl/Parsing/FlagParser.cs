using System.Globalization;

namespace Playground.Core.Kubectl.Parsing;

/// <summary>
/// Parses arguments the way pflag does for kubectl: flags anywhere among the arguments, <c>--name=value</c>,
/// <c>--name value</c>, <c>-n value</c>, <c>-nvalue</c>, grouped boolean shorthands, <c>--</c> ending the flags, and
/// underscores read as dashes. Errors carry pflag's wording and kubectl's pointer to the command's help.
/// </summary>
public static class FlagParser
{
    public static ParsedArgs Parse(IReadOnlyList<string> args, IReadOnlyList<Flag> flags, string commandPath)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, List<string>>();
        int? argsLenAtDash = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                argsLenAtDash = positionals.Count;
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
                i = ParseLong(args, i, flags, values, commandPath);
            else if (arg.Length > 1 && arg[0] == '-')
                i = ParseShorthands(args, i, flags, values, commandPath);
            else
                positionals.Add(arg);
        }
        return new ParsedArgs(positionals, values.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value)) { ArgsLenAtDash = argsLenAtDash };
    }

    /// <summary>The words that name the command, with flags (and the values they take) left out, as cobra's Find does.</summary>
    public static IEnumerable<string> CommandWords(IReadOnlyList<string> args, IReadOnlyList<Flag> flags)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--") yield break;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!arg.Contains('=') && Find(flags, Normalize(arg[2..])) is { Type: not FlagType.Bool }) i++;
                continue;
            }
            if (arg.Length > 1 && arg[0] == '-')
            {
                if (arg.Length == 2 && flags.FirstOrDefault(f => f.Shorthand == arg[1]) is { Type: not FlagType.Bool }) i++;
                continue;
            }
            yield return arg;
        }
    }

    private static int ParseLong(IReadOnlyList<string> args, int i, IReadOnlyList<Flag> flags, Dictionary<string, List<string>> values, string path)
    {
        var body = args[i][2..];
        var eq = body.IndexOf('=');
        var name = Normalize(eq >= 0 ? body[..eq] : body);
        var flag = Find(flags, name) ?? throw Fail(path, $"unknown flag: --{name}");
        string value;
        if (eq >= 0) value = body[(eq + 1)..];
        else if (flag.Type == FlagType.Bool) value = "true";
        else if (i + 1 < args.Count) value = args[++i];
        else throw Fail(path, $"flag needs an argument: --{name}");
        Set(flag, value, values, path);
        return i;
    }

    private static int ParseShorthands(IReadOnlyList<string> args, int i, IReadOnlyList<Flag> flags, Dictionary<string, List<string>> values, string path)
    {
        var arg = args[i];
        for (var j = 1; j < arg.Length; j++)
        {
            var c = arg[j];
            var flag = flags.FirstOrDefault(f => f.Shorthand == c) ?? throw Fail(path, $"unknown shorthand flag: '{c}' in {arg}");
            if (flag.Type == FlagType.Bool)
            {
                if (j + 1 < arg.Length && arg[j + 1] == '=')
                {
                    Set(flag, arg[(j + 2)..], values, path);
                    return i;
                }
                Set(flag, "true", values, path);
                continue;
            }
            if (j + 1 < arg.Length) Set(flag, arg[(j + 1)..].TrimStart('='), values, path);
            else if (i + 1 < args.Count) Set(flag, args[++i], values, path);
            else throw Fail(path, $"flag needs an argument: '{c}' in {arg}");
            return i;
        }
        return i;
    }

    private static void Set(Flag flag, string value, Dictionary<string, List<string>> values, string path)
    {
        switch (flag.Type)
        {
            case FlagType.Bool when ParsedArgs.ParseBool(value) is null:
                throw Fail(path, $"invalid argument \"{value}\" for \"{flag.Display}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax");
            case FlagType.Int when !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                throw Fail(path, $"invalid argument \"{value}\" for \"{flag.Display}\" flag: strconv.ParseInt: parsing \"{value}\": {(long.TryParse(value, out _) ? "value out of range" : "invalid syntax")}");
        }
        if (!values.TryGetValue(flag.Name, out var list)) values[flag.Name] = list = [];
        // A slice flag takes comma-separated values, as pflag's StringSlice does (kubectl's --filename).
        if (flag.Type == FlagType.StringSlice) list.AddRange(value.Split(','));
        else list.Add(value);
    }

    private static Flag? Find(IReadOnlyList<Flag> flags, string name) => flags.FirstOrDefault(f => f.Name == name);

    /// <summary>kubectl's WordSepNormalizeFunc: --all_namespaces means --all-namespaces.</summary>
    private static string Normalize(string name) => name.Replace('_', '-');

    private static KubectlException Fail(string path, string message) =>
        new($"error: {message}\nSee '{path} --help' for usage.");
}
