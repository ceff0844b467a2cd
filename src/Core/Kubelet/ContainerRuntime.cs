using Playground.Core.Kubelet.Images;

namespace Playground.Core.Kubelet;

/// <summary>How far the runtime has got with one run of one container; pod status only shows the end of it.</summary>
public enum RuntimeStep { Pulling, PullFailed, ImageReady, Created }

/// <summary>The runtime's record of one run of a container (restartCount tells runs apart).</summary>
public sealed class RuntimeContainer(int run)
{
    public int Run { get; } = run;
    public RuntimeStep Step { get; set; }

    /// <summary>The image the run is for; when the pod's spec names another, the record is stale.</summary>
    public string? Image { get; set; }
    public DateTimeOffset PullStartedAt { get; set; }
    public DateTimeOffset PullDoneAt { get; set; }
    public TimeSpan PullDuration { get; set; }
    public long PulledBytes { get; set; }

    /// <summary>Failed pulls in a row, which set the image back-off; a pull in progress keeps the count.</summary>
    public int PullFailures { get; set; }

    /// <summary>When a failed pull may be tried again.</summary>
    public DateTimeOffset PullRetryAt { get; set; }
    public string? ContainerId { get; set; }

    /// <summary>When the container started, to the millisecond (its status keeps whole seconds only).</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StopDueAt { get; set; }
    public bool KilledAtDeadline { get; set; }
}

/// <summary>
/// The node's simulated containerd: the images it holds, what it is doing for each pod's containers, and its one
/// image puller (the kubelet pulls one image at a time by default). Images outlive a restart through the node's
/// status; work in progress does not, so a restarted kubelet redoes it, as a real one would.
/// </summary>
public sealed class ContainerRuntime
{
    private readonly Dictionary<string, (ImageReference Reference, long Size)> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Uid, string Container), RuntimeContainer> _containers = [];
    private readonly Dictionary<(string Uid, string Container), (TimeSpan Delay, DateTimeOffset LastUpdate, int Run)> _crashBackoff = [];

    /// <summary>The crash back-off starts at 10 s and doubles up to 5 minutes.</summary>
    public static readonly TimeSpan InitialCrashBackoff = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxCrashBackoff = TimeSpan.FromMinutes(5);

    /// <summary>Raised when an image is added, so the kubelet reports the node's images in its next status update.</summary>
    public event Action? ImagesChanged;

    /// <summary>When the image puller is done with the pulls queued so far.</summary>
    public DateTimeOffset PullerFreeAt { get; set; }

    public IEnumerable<(ImageReference Reference, long Size)> Images => _images.Values;

    public bool HasImage(ImageReference image) => _images.ContainsKey(image.Normalized);

    public void AddImage(ImageReference image, long size)
    {
        var added = !_images.ContainsKey(image.Normalized);
        _images[image.Normalized] = (image, size);
        if (added) ImagesChanged?.Invoke();
    }

    /// <summary>The record of the given run of a container, if the runtime has started on it.</summary>
    public RuntimeContainer? Container(string uid, string name, int run) =>
        _containers.TryGetValue((uid, name), out var record) && record.Run == run ? record : null;

    /// <summary>Starts a new record for a run of a container, replacing any of an earlier run.</summary>
    public RuntimeContainer Track(string uid, string name, int run) => _containers[(uid, name)] = new RuntimeContainer(run);

    public void Forget(string uid)
    {
        foreach (var key in _containers.Keys.Where(k => k.Uid == uid).ToList()) _containers.Remove(key);
        foreach (var key in _crashBackoff.Keys.Where(k => k.Uid == uid).ToList()) _crashBackoff.Remove(key);
    }

    /// <summary>
    /// How long a container that exited at <paramref name="finishedAt"/> waits before it restarts, as the kubelet's
    /// per-container back-off (IsInBackOffSince) decides: nothing the first time; the current back-off after that;
    /// nothing again when the exit came more than twice the maximum (10 minutes) after the last one, which resets it.
    /// <paramref name="run"/> is the restart count of the run that exited; once it is restarting, it waits no more.
    /// </summary>
    public TimeSpan CrashBackoff(string uid, string name, int run, DateTimeOffset finishedAt)
    {
        if (!_crashBackoff.TryGetValue((uid, name), out var entry) || entry.Run == run) return TimeSpan.Zero;
        return Expired(entry.LastUpdate, finishedAt) ? TimeSpan.Zero : entry.Delay;
    }

    /// <summary>The container restarts after run <paramref name="run"/> exited: its next back-off doubles, or starts over at 10 s.</summary>
    public void Restarting(string uid, string name, int run, DateTimeOffset finishedAt)
    {
        var found = _crashBackoff.TryGetValue((uid, name), out var entry);
        if (found && entry.Run == run) return;
        var delay = !found || Expired(entry.LastUpdate, finishedAt) ? InitialCrashBackoff
            : entry.Delay + entry.Delay < MaxCrashBackoff ? entry.Delay + entry.Delay : MaxCrashBackoff;
        _crashBackoff[(uid, name)] = (delay, finishedAt, run);
    }

    private static bool Expired(DateTimeOffset lastUpdate, DateTimeOffset finishedAt) => finishedAt - lastUpdate > MaxCrashBackoff * 2;
}
