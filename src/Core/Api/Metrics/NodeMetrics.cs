using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Metrics;

/// <summary>metrics.k8s.io/v1beta1 NodeMetrics: a node's usage as metrics-server reports it, made when asked and never stored.</summary>
public sealed class NodeMetrics : KubeObject
{
    public NodeMetrics() { ApiVersion = "metrics.k8s.io/v1beta1"; Kind = "NodeMetrics"; }

    /// <summary>When the usage was sampled; the CPU rate is the average over the <see cref="Window"/> before it.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>A Go duration, e.g. "15s".</summary>
    public string Window { get; set; } = "";

    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string> Usage { get; set; } = [];
}
