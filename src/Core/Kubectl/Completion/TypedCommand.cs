using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Parsing;

namespace Playground.Core.Kubectl.Completion;

/// <summary>
/// The words typed after "kubectl", read as the dispatcher reads them: the verb (and sub-verb), the flags with their
/// values, and the positional arguments; flags are known by the command found so far, as cobra knows them.
/// </summary>
internal sealed class TypedCommand
{
    private readonly Dictionary<string, string> _values = [];

    private TypedCommand(IReadOnlyList<string> args)
    {
        IReadOnlyList<Flag> flags = Dispatcher.GlobalFlags;
        var subChosen = false;
        foreach (var arg in args)
        {
            if (AwaitedFlag is { } awaited)
            {
                _values[awaited.Name] = arg;
                AwaitedFlag = null;
            }
            else if (arg == "--")
            {
                AfterDashes = true;
            }
            else if (AfterDashes)
            {
                Positionals.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var body = arg[2..];
                var eq = body.IndexOf('=');
                var flag = Find(flags, eq < 0 ? body : body[..eq]);
                if (flag is null) continue;
                if (eq >= 0) _values[flag.Name] = body[(eq + 1)..];
                else if (flag.Type == FlagType.Bool) _values[flag.Name] = "true";
                else AwaitedFlag = flag;
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                var flag = flags.FirstOrDefault(f => f.Shorthand == arg[1]);
                if (flag is null) continue;
                if (flag.Type == FlagType.Bool) _values[flag.Name] = "true";
                else if (arg.Length > 2) _values[flag.Name] = arg[2..].TrimStart('=');
                else AwaitedFlag = flag;
            }
            else if (Command is null)
            {
                Command = Dispatcher.Commands.FirstOrDefault(c => c.IsCalled(arg));
                if (Command is null)
                {
                    Unknown = true;
                    return;
                }
                flags = [.. Dispatcher.GlobalFlags, .. Command.Flags];
            }
            else if (!subChosen && Positionals.Count == 0 && Command.Subcommands.FirstOrDefault(s => s.IsCalled(arg)) is { } sub)
            {
                Command = sub;
                subChosen = true;
                flags = [.. Dispatcher.GlobalFlags, .. sub.Flags];
            }
            else
            {
                Positionals.Add(arg);
            }
        }
        Flags = flags;
        SubcommandChosen = subChosen;
    }

    /// <summary>The command (or sub-command) named so far; null before the verb.</summary>
    public Command? Command { get; private set; }

    /// <summary>True when the verb is not one this kubectl knows: nothing after it can be completed.</summary>
    public bool Unknown { get; private set; }

    public bool SubcommandChosen { get; }

    /// <summary>The flags the command accepts here, its own and kubectl's global ones.</summary>
    public IReadOnlyList<Flag> Flags { get; } = [];

    /// <summary>A flag typed last that still waits for its value.</summary>
    public Flag? AwaitedFlag { get; private set; }

    /// <summary>After "--" everything is the container's command line, nothing kubectl completes.</summary>
    public bool AfterDashes { get; private set; }

    public List<string> Positionals { get; } = [];

    public static TypedCommand Read(IReadOnlyList<string> args) => new(args);

    public string? Value(string flag) => _values.GetValueOrDefault(flag);

    public static Flag? Find(IReadOnlyList<Flag> flags, string name) => flags.FirstOrDefault(f => f.Name == name.Replace('_', '-'));
}
