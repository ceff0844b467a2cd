namespace Playground.Core.Kubectl.Parsing;

public enum FlagType { Bool, String, Int, StringSlice }

/// <summary>A command-line flag as pflag declares it: long name, optional one-letter shorthand, type and help text.</summary>
public sealed record Flag(string Name, char? Shorthand, FlagType Type, string Usage, string? Default = null)
{
    public static Flag Bool(string name, char? shorthand, string usage) => new(name, shorthand, FlagType.Bool, usage, "false");
    public static Flag String(string name, char? shorthand, string usage, string? @default = null) => new(name, shorthand, FlagType.String, usage, @default);
    public static Flag Int(string name, char? shorthand, string usage, int @default) => new(name, shorthand, FlagType.Int, usage, @default.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public static Flag Strings(string name, char? shorthand, string usage) => new(name, shorthand, FlagType.StringSlice, usage);

    /// <summary>How pflag names a flag in its messages, e.g. "-r, --replicas".</summary>
    public string Display => Shorthand is { } s ? $"-{s}, --{Name}" : $"--{Name}";
}
