using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Playground.Server.Sandboxes;

namespace Playground.Server.RateLimits;

/// <summary>
/// One token bucket per sandbox owner's token, shared by every way in (HTTP API, Kubernetes API, the browser's terminal),
/// so a tenant that floods the server is slowed on its own and the others keep their pace. Everyone else (view links,
/// instructors, callers without a credential, and made-up tokens) draws on the bucket of their address.
/// </summary>
public sealed class TenantRateLimiter : IDisposable
{
    private const string AnonymousPrefix = "address:";
    private readonly PartitionedRateLimiter<string> _buckets;
    private readonly SandboxRegistry _registry;

    public TenantRateLimiter(IOptions<PlaygroundOptions> options, SandboxRegistry registry)
    {
        var limits = options.Value.RateLimits;
        _buckets = PartitionedRateLimiter.Create<string, string>(key => key.StartsWith(AnonymousPrefix, StringComparison.Ordinal)
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.AnonymousRequestsPerSecond, limits.AnonymousBurst))
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.RequestsPerSecond, limits.Burst)));
        Limits = limits;
        _registry = registry;
    }

    public RateLimitOptions Limits { get; }

    /// <summary>The buckets as HTTP requests see them: keyed by the owner's token of the sandbox the request names, else by its address.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() => _buckets.WithTranslatedKey<HttpContext>(context =>
    {
        var sandboxId = context.GetRouteValue("id") as string;
        return KeyOf(sandboxId, SandboxCredentials.For(context.Request, sandboxId ?? ""), context.Connection.RemoteIpAddress);
    }, leaveOpen: true);

    /// <summary>Takes one request from the bucket the same caller's HTTP requests to <paramref name="sandboxId"/> draw on; false when it is empty.</summary>
    public bool TryAcquire(string sandboxId, SandboxCredential credential, IPAddress? address)
    {
        using var lease = _buckets.AttemptAcquire(KeyOf(sandboxId, credential, address));
        return lease.IsAcquired;
    }

    /// <summary>
    /// The owner's token once it matches the loaded sandbox's (a hash, no query), so that tokens made up by the request
    /// get no fresh bucket each; anything else is its address. A hibernated sandbox's first request wakes it and counts as its address's.
    /// </summary>
    private string KeyOf(string? sandboxId, SandboxCredential credential, IPAddress? address) =>
        sandboxId is not null && credential.Token is { } token && _registry.Loaded(sandboxId) is { } sandbox && SandboxTokens.Matches(token, sandbox.TokenHash)
            ? token
            : AnonymousPrefix + address;

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
