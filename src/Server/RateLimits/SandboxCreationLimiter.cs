using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Playground.Server.RateLimits;

/// <summary>
/// How many sandboxes may be made per client address by callers that no visitor cookie identifies (scripts, or a
/// browser's very first visit), which the per-visitor quota cannot count: one token bucket per address.
/// </summary>
public sealed class SandboxCreationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets;

    public SandboxCreationLimiter(IOptions<PlaygroundOptions> options)
    {
        var perHour = options.Value.RateLimits.SandboxCreationsPerHour;
        PerHour = perHour;
        _buckets = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perHour,
            TokensPerPeriod = 1,
            // One more every 3600/N seconds, so a full bucket holds an hour's worth.
            ReplenishmentPeriod = TimeSpan.FromSeconds(3600.0 / perHour),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int PerHour { get; }

    /// <summary>Takes one creation from the bucket of the request's address; the refusal to answer with when it is empty.</summary>
    public string? TryAcquire(HttpContext context)
    {
        using var lease = _buckets.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "");
        if (lease.IsAcquired) return null;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(3600.0 / PerHour);
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"too many sandboxes created from this address: at most {PerHour} an hour without a visitor cookie; keep using the ones you have, or open the playground in a browser";
    }

    /// <summary>
    /// A browser without a visitor id yet (its first visit, or a client that drops its cookies) is counted by its address,
    /// since no per-visitor quota holds it; the refusal to answer with, or null.
    /// </summary>
    public string? TryAcquireForNewVisitor(HttpContext context) =>
        Sandboxes.Visitors.Of(context.Request) is null ? TryAcquire(context) : null;

    public void Dispose() => _buckets.Dispose();
}
