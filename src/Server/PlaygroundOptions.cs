using Playground.Core.Simulation;

namespace Playground.Server;

/// <summary>The server's own settings, bound from the "Playground" configuration section.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>Where the SQLite file lives; a relative path is taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Where the Kubernetes API of every sandbox listens (under /sandboxes/{id}); HTTPS, since kubectl sends tokens only over TLS.</summary>
    public string KubernetesApiUrl { get; set; } = "https://127.0.0.1:6443";

    /// <summary>Simulated seconds per real second for every sandbox.</summary>
    public double ClockSpeed { get; set; } = 1;

    /// <summary>
    /// How long a sandbox stays in memory after its last request while nobody watches it; then it is unloaded, its
    /// virtual clock standing still (as a laptop's does asleep) until the next request restores it.
    /// </summary>
    public TimeSpan HibernateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The data directory as configuration names it, made absolute from the content root.</summary>
    public static string DataDirectoryOf(WebApplicationBuilder builder) => Path.GetFullPath(
        builder.Configuration[$"{Section}:{nameof(DataDirectory)}"] ?? new PlaygroundOptions().DataDirectory,
        builder.Environment.ContentRootPath);

    public PlaygroundLimits Limits { get; set; } = new();

    /// <summary>How fast one token (or, without one, one address) may send requests.</summary>
    public RateLimits.RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The shape of new sandboxes' clusters (nodes, their size, history window); each sandbox keeps its own.</summary>
    public ClusterOptions Cluster { get; set; } = new();
}
