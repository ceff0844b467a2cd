using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Playground.Server.RateLimits;

/// <summary>
/// One token bucket per credential, shared by every way in (HTTP API, Kubernetes API, the browser's terminal), so a tenant
/// that floods the server is slowed on its own and the others keep their pace.
/// </summary>
public sealed class TenantRateLimiter : IDisposable
{
    private const string AnonymousPrefix = "address:";
    private readonly PartitionedRateLimiter<string> _buckets;

    public TenantRateLimiter(IOptions<PlaygroundOptions> options)
    {
        var limits = options.Value.RateLimits;
        _buckets = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith(AnonymousPrefix, StringComparison.Ordinal)
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.AnonymousRequestsPerSecond, limits.AnonymousBurst))
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.RequestsPerSecond, limits.Burst)));
        Limits = limits;
    }

    public RateLimitOptions Limits { get; }

    /// <summary>The buckets as HTTP requests see them: keyed by the request's credential, else its address.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() => _buckets.WithTranslatedKey<HttpContext>(KeyOf, leaveOpen: true);

    /// <summary>Takes one request from the bucket of <paramref name="credential"/>; false when it is empty.</summary>
    public bool TryAcquire(string credential)
    {
        using var lease = _buckets.AttemptAcquire(credential);
        return lease.IsAcquired;
    }

    private static string KeyOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        // A browser's calls carry the sandbox's token in its cookie rather than a header.
        var cookie = context.Request.Cookies.FirstOrDefault(c => c.Key.StartsWith("pg.sbx.", StringComparison.Ordinal));
        return cookie.Value ?? AnonymousPrefix + context.Connection.RemoteIpAddress;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _buckets.Dispose();
}
