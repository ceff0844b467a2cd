using System.Globalization;
using System.Text;

namespace Playground.Core.Kubelet.Images;

/// <summary>
/// A tiny shell that works out what a container's command does without running anything: it understands the
/// scripts people put in pod specs (echo, printf, sleep, date, env, exit, while and for loops, && and ||) and
/// treats the image's own binaries as its server. Anything else is "not found", as a real shell would say.
/// </summary>
public sealed class ShellScript
{
    private static readonly string[] Shells = ["sh", "bash", "ash", "dash"];

    private readonly ImageProfile? _image;
    private readonly ProcessContext _context;
    private readonly Dictionary<string, string> _variables;
    private readonly List<LogLine> _output = [];
    private readonly List<FileChange> _files = [];
    private long _memory;
    private TimeSpan _memoryFrom;
    private TimeSpan _time;
    private int _status;
    private bool _stopped;
    private bool _forever;
    private RepeatedOutput? _repeat;
    private ContainerProcess? _server;

    private ShellScript(ImageProfile? image, ProcessContext context)
    {
        _image = image;
        _context = context;
        _variables = new Dictionary<string, string>(context.Environment);
    }

    /// <summary>What a container running <paramref name="argv"/> (command followed by args) does.</summary>
    public static ContainerProcess Run(IReadOnlyList<string> argv, ImageProfile? image, ProcessContext context)
    {
        var shell = new ShellScript(image, context);
        if (argv.Count > 0 && Shells.Contains(Path.GetFileName(argv[0])))
        {
            var script = argv.SkipWhile(a => a != "-c").Skip(1).FirstOrDefault();
            if (script is null) return context.Stdin ? ContainerProcess.Forever : new ContainerProcess([], ExitAfter: TimeSpan.FromMilliseconds(5));
            shell.Execute(ShellSyntax.Parse(script));
        }
        else shell.Execute([new ShellStatement.Simple(argv.Select(a => new ShellWord(a, Quoted: true, Literal: true)).ToList())]);
        return shell.Result();
    }

    private ContainerProcess Result()
    {
        if (_server is not null)
            return _server with
            {
                Output = _output.Concat(_server.Output.Select(l => l with { At = l.At + _time })).ToList(),
                ExitAfter = _server.ExitAfter + _time,
                Files = _files,
                Listens = _server.Listens is { } listens ? listens with { From = listens.From + _time } : null,
            };
        // A shell or sleep running as PID 1 has no SIGTERM handler, so the kernel ignores the signal until SIGKILL.
        var process = _forever || _repeat is not null
            ? new ContainerProcess(_output, Repeat: _repeat, IgnoresSigterm: true)
            : new ContainerProcess(_output, ExitAfter: _time + TimeSpan.FromMilliseconds(5), ExitCode: _status, IgnoresSigterm: true);
        return process with { Files = _files, MemoryBytes = _memory, MemoryFrom = _memoryFrom };
    }

    private void Execute(IReadOnlyList<ShellStatement> statements)
    {
        foreach (var statement in statements)
        {
            if (_stopped) return;
            if (statement.Condition == "&&" && _status != 0) continue;
            if (statement.Condition == "||" && _status == 0) continue;
            switch (statement)
            {
                case ShellStatement.Simple simple: Command(simple.Words.Select(Expand).ToList()); break;
                case ShellStatement.For loop:
                    foreach (var value in loop.Values.Select(Expand).SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    {
                        _variables[loop.Variable] = value;
                        Execute(loop.Body);
                        if (_stopped) return;
                    }
                    break;
                case ShellStatement.While loop: Forever(loop); return;
            }
        }
    }

    /// <summary>A while loop in a container runs until the container is stopped: its body's output repeats every pass.</summary>
    private void Forever(ShellStatement.While loop)
    {
        var start = _time;
        var before = _output.Count;
        Execute(loop.Test);
        Execute(loop.Body);
        if (_stopped) return;
        var pass = _output.Skip(before).Select(l => l with { At = l.At - start }).ToList();
        _output.RemoveRange(before, _output.Count - before);
        var period = _time - start;
        _repeat = new RepeatedOutput(start, period > TimeSpan.Zero ? period : TimeSpan.FromMilliseconds(1), pass);
        _stopped = true;
    }

    private void Command(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return;
        var name = Path.GetFileName(words[0]);
        var args = words.Skip(1).ToList();
        _status = 0;
        switch (name)
        {
            case "echo":
                Print(string.Join(' ', args.SkipWhile(a => a is "-n" or "-e")));
                break;
            case "printf":
                Print(Printf(args));
                break;
            case "sleep":
                if (args.FirstOrDefault() is "infinity" or "inf") Stop(forever: true);
                else _time += Duration(args.FirstOrDefault());
                break;
            case "exit":
                _status = int.TryParse(args.FirstOrDefault(), out var code) ? code : _status;
                Stop(forever: false);
                break;
            case "true" or ":":
                break;
            case "false":
                _status = 1;
                break;
            case "date":
                Print(ContainerProcess.DateMarker.ToString());
                break;
            case "hostname":
                Print(_context.PodName);
                break;
            case "env" or "printenv" when args.Count == 0:
                foreach (var (key, value) in _variables) Print($"{key}={value}");
                break;
            case "printenv":
                if (_variables.TryGetValue(args[0], out var variable)) Print(variable);
                else _status = 1;
                break;
            case "tail" when args.Contains("-f"):
                Stop(forever: true);
                break;
            case "touch" or "rm":
                foreach (var path in args.Where(a => !a.StartsWith('-'))) _files.Add(new FileChange(_time, path, name == "touch"));
                break;
            case "stress" when _image?.Binaries.Contains("stress") == true:
                Stress(args);
                break;
            case "wait" or "cd" or "export" or "set" or "trap" or "mkdir" or "cp" or "mv" or "chmod" or "ls" or "cat":
                break;
            default:
                if (_image is not null && _image.Binaries.Contains(name))
                {
                    _server = _image.Start(_context);
                    _stopped = true;
                }
                else
                {
                    Print($"sh: {name}: not found");
                    _status = 127;
                }
                break;
        }
    }

    /// <summary>
    /// stress: --vm N workers each allocating --vm-bytes (256M by default) right away and holding it; it runs until
    /// --timeout, or forever.
    /// </summary>
    private void Stress(IReadOnlyList<string> args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var workers = int.TryParse(Option("--vm") ?? Option("-m"), out var vm) ? vm : 0;
        var bytes = Bytes(Option("--vm-bytes") ?? "256M");
        var cpu = Option("--cpu") ?? Option("-c") ?? "0";
        Print($"stress: info: [1] dispatching hogs: {cpu} cpu, 0 io, {workers} vm, 0 hdd");
        _memory = workers * bytes;
        _memoryFrom = _time + TimeSpan.FromMilliseconds(50);
        if ((Option("--timeout") ?? Option("-t")) is { } timeout)
        {
            _time += Duration(timeout);
            Print($"stress: info: [1] successful run completed in {(long)Duration(timeout).TotalSeconds}s");
        }
        else Stop(forever: true);
    }

    /// <summary>stress's sizes: a number with an optional B, K, M or G suffix, in powers of 1024.</summary>
    private static long Bytes(string text)
    {
        var unit = char.ToUpperInvariant(text[^1]);
        var multiplier = unit switch { 'K' => 1024L, 'M' => 1024L * 1024, 'G' => 1024L * 1024 * 1024, _ => 1L };
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        return long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value * multiplier : 0;
    }

    private void Print(string text)
    {
        foreach (var line in text.Split('\n')) _output.Add(new LogLine(_time, line));
    }

    private void Stop(bool forever)
    {
        _forever = forever;
        _stopped = true;
    }

    private static string Printf(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return "";
        var format = args[0].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        var values = new Queue<string>(args.Skip(1));
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && format[i + 1] is 's' or 'd')
            {
                result.Append(values.Count > 0 ? values.Dequeue() : "");
                i++;
            }
            else result.Append(format[i]);
        }
        return result.ToString().TrimEnd('\n');
    }

    /// <summary>sleep's argument: seconds, or with an s, m, h or d suffix; unreadable means no time at all.</summary>
    private static TimeSpan Duration(string? text)
    {
        if (string.IsNullOrEmpty(text)) return TimeSpan.Zero;
        var unit = char.IsLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0) return TimeSpan.Zero;
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    /// <summary>busybox date's default format: "Thu Jan  2 03:04:05 UTC 2025".</summary>
    public static string Date(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc:ddd MMM} {utc.Day,2} {utc:HH:mm:ss} UTC {utc:yyyy}");
    }

    /// <summary>Expands $VAR, ${VAR}, $(date), $(hostname) and `date` in unquoted or double-quoted words.</summary>
    private string Expand(ShellWord word)
    {
        if (word.Literal) return word.Text;
        var text = word.Text;
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '(' && text.IndexOf(')', i) is var close and > 0)
            {
                result.Append(Substitute(text[(i + 2)..close]));
                i = close;
            }
            else if (text[i] == '`' && text.IndexOf('`', i + 1) is var end and > 0)
            {
                result.Append(Substitute(text[(i + 1)..end]));
                i = end;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{' && text.IndexOf('}', i) is var brace and > 0)
            {
                result.Append(_variables.GetValueOrDefault(text[(i + 2)..brace], ""));
                i = brace;
            }
            else if (text[i] == '$' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_')) j++;
                result.Append(_variables.GetValueOrDefault(text[(i + 1)..j], ""));
                i = j - 1;
            }
            else result.Append(text[i]);
        }
        return result.ToString();
    }

    private string Substitute(string command) => command.Trim() switch
    {
        "date" => ContainerProcess.DateMarker.ToString(),
        "hostname" => _context.PodName,
        _ => "",
    };
}
