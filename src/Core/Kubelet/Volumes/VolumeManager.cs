using Playground.Core.Api.Core;

namespace Playground.Core.Kubelet.Volumes;

/// <summary>
/// The node's volume manager: before a pod's sandbox starts, its volumes must be set up; a failed setup is retried
/// with the operation executor's exponential back-off (500 ms, doubling to 2m2s), and each failure is reported.
/// </summary>
public sealed class VolumeManager(ApiServer.ApiServer api)
{
    public static readonly TimeSpan InitialRetry = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(122);

    private readonly Dictionary<string, (TimeSpan Delay, DateTimeOffset RetryAt)> _backoff = [];

    /// <summary>The FailedMount messages for the pod's volumes that cannot be set up now, in the spec's order.</summary>
    public IReadOnlyList<string> Failures(Pod pod)
    {
        var failures = new List<string>();
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            if (VolumeSources.Payload(api, pod, volume).Error is { } error)
                failures.Add($"MountVolume.SetUp failed for volume \"{volume.Name}\" : {error}");
        }
        return failures;
    }

    /// <summary>When the pod's mounts may be tried again; the past when nothing has failed.</summary>
    public DateTimeOffset RetryAt(string uid) => _backoff.TryGetValue(uid, out var entry) ? entry.RetryAt : DateTimeOffset.MinValue;

    /// <summary>A setup failed at <paramref name="now"/>: the next try waits twice as long as the last, up to the maximum.</summary>
    public void Failed(string uid, DateTimeOffset now)
    {
        var delay = !_backoff.TryGetValue(uid, out var entry) ? InitialRetry
            : entry.Delay + entry.Delay < MaxRetry ? entry.Delay + entry.Delay : MaxRetry;
        _backoff[uid] = (delay, now + delay);
    }

    /// <summary>The volumes are set up (or the pod is gone): its back-off is over.</summary>
    public void Forget(string uid) => _backoff.Remove(uid);
}
