using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Playground.Server.Sandboxes;

namespace Playground.Server.RateLimits;

/// <summary>
/// One token bucket per credential, shared by every way in (HTTP API, Kubernetes API, hub, the browser's terminal), so a tenant
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

    /// <summary>Takes one request from the bucket of <paramref name="credential"/>, as its HTTP requests do; false when it is empty.</summary>
    public bool TryAcquire(SandboxCredential credential)
    {
        using var lease = _buckets.AttemptAcquire(KeyOf(credential) ?? AnonymousPrefix);
        return lease.IsAcquired;
    }

    /// <summary>The request's credential for the sandbox it names (a bearer token, else the browser's cookies), else its address.</summary>
    private static string KeyOf(HttpContext context)
    {
        var request = context.Request;
        return KeyOf(SandboxCredentials.For(request, context.GetRouteValue("id") as string ?? ""))
            // A browser's calls that name no sandbox (the hub's) carry a sandbox's token in its cookie.
            ?? request.Cookies.FirstOrDefault(c => c.Key.StartsWith(SandboxCredentials.TokenCookie(""), StringComparison.Ordinal)).Value
            ?? AnonymousPrefix + context.Connection.RemoteIpAddress;
    }

    /// <summary>A token has its own bucket; a browser without one for the sandbox draws on its visitor id's.</summary>
    private static string? KeyOf(SandboxCredential credential) => credential.Token ?? credential.VisitorId;

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
