using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Metrics;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;

namespace Playground.Core.Metrics;

/// <summary>
/// The simulated metrics-server's usage as the metrics.k8s.io objects and errors metrics-server serves (pkg/api and
/// pkg/storage of kubernetes-sigs/metrics-server), for the REST API and the terminal's kubectl top alike.
/// </summary>
public static class MetricsObjects
{
    /// <summary>metrics-server scrapes every kubelet at this interval (--metric-resolution) and rates CPU over the last two scrapes.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromSeconds(15);

    private const long PageBytes = 4096;

    public static NodeMetrics Of(NodeUsage usage, DateTimeOffset now) => new()
    {
        Metadata = Metadata(usage.Node.Metadata, now),
        Timestamp = LastScrape(now),
        Window = GoDuration.Format(Resolution),
        Usage = Usage(usage.MilliCpu, usage.MemoryBytes),
    };

    public static PodMetrics Of(PodUsage usage, DateTimeOffset now) => new()
    {
        Metadata = Metadata(usage.Pod.Metadata, now),
        Timestamp = LastScrape(now),
        Window = GoDuration.Format(Resolution),
        Containers = [.. usage.Containers.Select(c => new ContainerMetrics { Name = c.Name, Usage = Usage(c.MilliCpu, c.MemoryBytes) })],
    };

    /// <summary>metrics-server's answer for a pod it cannot find: the NotFound of its pod metadata lister, which names "pods".</summary>
    public static ApiException PodNotFound(ResourceRegistry resources, string name) => ApiException.NotFound(resources.For<Pod>(), name);

    /// <summary>metrics-server's answer for a node it cannot find: the NotFound of client-go's typed node lister, which names the resource in the singular.</summary>
    public static ApiException NodeNotFound(ResourceRegistry resources, string name) =>
        ApiException.NotFound(resources.For<Node>() with { Plural = "node" }, name);

    /// <summary>metrics-server's answer for a pod that exists but has no metrics yet (not running, or not scraped).</summary>
    public static ApiException NoPodMetrics(ResourceRegistry resources, string ns, string name) =>
        ApiException.NotFound(resources.Aggregated.Single(t => t.ClrType == typeof(PodMetrics)), $"{ns}/{name}");

    /// <summary>Metrics objects are made when asked: created now, with the object's name, namespace and labels.</summary>
    private static ObjectMeta Metadata(ObjectMeta of, DateTimeOffset now) => new()
    {
        Name = of.Name,
        Namespace = of.Namespace,
        Labels = of.Labels is null ? null : new Dictionary<string, string>(of.Labels),
        CreationTimestamp = now,
    };

    /// <summary>The latest scrape at or before now, on the resolution's grid.</summary>
    private static DateTimeOffset LastScrape(DateTimeOffset now) =>
        new(now.UtcTicks - now.UtcTicks % Resolution.Ticks, TimeSpan.Zero);

    /// <summary>
    /// CPU in cores and memory in bytes, in canonical form as metrics-server's quantities print ("250m", "15192Ki"); the
    /// working set is counted in 4 KiB pages, which leaves kubectl top's whole MiB as they are.
    /// </summary>
    private static Dictionary<string, string> Usage(long milliCpu, long memoryBytes) => new()
    {
        ["cpu"] = Quantity.Format(milliCpu / 1000m),
        ["memory"] = Quantity.Format(memoryBytes - memoryBytes % PageBytes, binary: true),
    };
}
