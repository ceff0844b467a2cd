namespace Playground.Core.Kubelet.Images;

/// <summary>A line a container prints, at an offset from its start.</summary>
public sealed record LogLine(TimeSpan At, string Text);

/// <summary>Output a container prints again and again, every <paramref name="Period"/> from <paramref name="Start"/> on.</summary>
public sealed record RepeatedOutput(TimeSpan Start, TimeSpan Period, IReadOnlyList<LogLine> Lines);

/// <summary>A file the process creates (touch) or removes (rm), at an offset from its start.</summary>
public sealed record FileChange(TimeSpan At, string Path, bool Exists);

/// <summary>The ports a server listens on from an offset after its start, and the HTTP paths it answers with 200 (null: not HTTP).</summary>
public sealed record Listener(TimeSpan From, IReadOnlyList<int> Ports, IReadOnlyList<string>? HttpPaths);

/// <summary>
/// What a container's main process does, worked out from its image and command: what it prints and when, and
/// whether it exits (after how long, with which code) or runs until stopped; the files it touches, the memory it
/// allocates (from <paramref name="MemoryFrom"/> on), and the ports it serves — what probes and the OOM killer see.
/// </summary>
public sealed record ContainerProcess(
    IReadOnlyList<LogLine> Output,
    TimeSpan? ExitAfter = null,
    int ExitCode = 0,
    RepeatedOutput? Repeat = null,
    bool IgnoresSigterm = false,
    IReadOnlyList<FileChange>? Files = null,
    long MemoryBytes = 0,
    TimeSpan MemoryFrom = default,
    Listener? Listens = null)
{
    public static readonly ContainerProcess Forever = new([]);

    /// <summary>Files every image has, so `cat /etc/hostname` style checks succeed.</summary>
    private static readonly string[] ImageFiles = ["/etc/hostname", "/etc/hosts", "/etc/passwd", "/etc/resolv.conf", "/etc/os-release"];

    /// <summary>Whether <paramref name="path"/> exists <paramref name="elapsed"/> into the run: the last touch or rm before then decides.</summary>
    public bool FileExists(string path, TimeSpan elapsed) =>
        (Files ?? []).LastOrDefault(f => f.Path == path && f.At <= elapsed) is { } change ? change.Exists : ImageFiles.Contains(path);

    /// <summary>The most lines a log keeps, as a container runtime rotates its log files.</summary>
    public const int MaxLines = 10_000;

    /// <summary>Stands in a line for the time it is printed at (a `date` in a loop prints a new time every pass).</summary>
    public const char DateMarker = '\u0001';

    /// <summary>The text printed in the first <paramref name="elapsed"/> of a run started at <paramref name="startedAt"/>, line by line.</summary>
    public IEnumerable<string> Lines(DateTimeOffset startedAt, TimeSpan elapsed) => Entries(startedAt, elapsed).Select(e => e.Text);

    /// <summary>Every line printed in the first <paramref name="elapsed"/> of a run, with the time it was printed at, in order.</summary>
    public IEnumerable<(DateTimeOffset Time, string Text)> Entries(DateTimeOffset startedAt, TimeSpan elapsed)
    {
        var lines = Output.Where(l => l.At <= elapsed).Select(l => Render(l, startedAt));
        if (Repeat is null || elapsed < Repeat.Start || Repeat.Period <= TimeSpan.Zero) return lines.TakeLast(MaxLines);
        var repeated = new List<(DateTimeOffset, string)>();
        var rounds = (long)((elapsed - Repeat.Start) / Repeat.Period);
        for (var round = Math.Max(0, rounds - MaxLines); round <= rounds; round++)
        {
            var start = startedAt + Repeat.Start + Repeat.Period * round;
            repeated.AddRange(Repeat.Lines.Where(l => start + l.At <= startedAt + elapsed).Select(l => Render(l, start)));
        }
        return lines.Concat(repeated).TakeLast(MaxLines);
    }

    private static (DateTimeOffset Time, string Text) Render(LogLine line, DateTimeOffset origin)
    {
        var time = origin + line.At;
        return (time, line.Text.Contains(DateMarker) ? line.Text.Replace(DateMarker.ToString(), ShellScript.Date(time), StringComparison.Ordinal) : line.Text);
    }
}

/// <summary>What a process can see of its world: its image's tag, its pod, its environment, its start time, the node's CPUs.</summary>
public sealed record ProcessContext(
    string? ImageTag,
    string PodName,
    string? PodIp,
    IReadOnlyDictionary<string, string> Environment,
    DateTimeOffset StartedAt,
    int NodeCpus,
    bool Stdin);
