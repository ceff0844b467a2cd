namespace Playground.Core.Controllers.Jobs;

/// <summary>
/// Upstream's per-job backoff record: failures since the last success and when the last one happened; a replacement
/// pod waits 10 s doubling per such failure, at most 10 minutes (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff).
/// </summary>
internal sealed class PodBackoff
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Maximum = TimeSpan.FromMinutes(10);

    public int FailuresAfterLastSuccess { get; private set; }
    public DateTimeOffset? LastFailure { get; private set; }

    /// <summary>Takes in newly finished pods, oldest first: a success resets the count, a failure adds to it.</summary>
    public void Record(IEnumerable<(bool Succeeded, DateTimeOffset FinishedAt)> finished)
    {
        foreach (var (succeeded, at) in finished.OrderBy(f => f.FinishedAt))
        {
            if (succeeded)
            {
                (FailuresAfterLastSuccess, LastFailure) = (0, null);
            }
            else
            {
                FailuresAfterLastSuccess++;
                LastFailure = at;
            }
        }
    }

    public TimeSpan Remaining(DateTimeOffset now)
    {
        if (FailuresAfterLastSuccess == 0 || LastFailure is not { } last) return TimeSpan.Zero;
        var delay = Initial * Math.Pow(2, Math.Min(FailuresAfterLastSuccess - 1, 20));
        if (delay > Maximum) delay = Maximum;
        var elapsed = now - last;
        return delay < elapsed ? TimeSpan.Zero : delay - elapsed;
    }
}
