using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Metrics;

/// <summary>metrics.k8s.io/v1beta1 PodMetrics: a running pod's usage per container, made when asked and never stored.</summary>
public sealed class PodMetrics : KubeObject
{
    public PodMetrics() { ApiVersion = "metrics.k8s.io/v1beta1"; Kind = "PodMetrics"; }

    public DateTimeOffset Timestamp { get; set; }

    /// <summary>A Go duration, e.g. "15s".</summary>
    public string Window { get; set; } = "";

    public List<ContainerMetrics> Containers { get; set; } = [];
}

public sealed class ContainerMetrics
{
    public string Name { get; set; } = "";

    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string> Usage { get; set; } = [];
}
