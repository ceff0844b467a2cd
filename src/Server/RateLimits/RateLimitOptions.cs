namespace Playground.Server.RateLimits;

/// <summary>
/// How fast one caller may send requests: a token bucket per credential (a sandbox's token, on the API, the Kubernetes
/// API and the terminal alike) and one per address for callers without any.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a second a credential may keep up: kubectl's own client-side default (QPS 50, burst 300), so real kubectl never meets it.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    public int Burst { get; set; } = 300;

    /// <summary>For callers with no credential (creating sandboxes, opening "/"), per client address.</summary>
    public int AnonymousRequestsPerSecond { get; set; } = 20;

    public int AnonymousBurst { get; set; } = 200;

    /// <summary>Sandboxes an hour one client address may make without a visitor cookie (scripts, a browser's first visit); a visitor's own are capped by Limits:SandboxesPerVisitor.</summary>
    public int SandboxCreationsPerHour { get; set; } = 30;
}
