using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>Keeps pods whose containers claim a host port off nodes where another pod holds it.</summary>
public sealed class NodePorts : IFilterPlugin
{
    public string Name => "NodePorts";

    public bool SkipsFilter(PodInfo pod) => pod.HostPorts.Count == 0;

    public FilterResult Filter(PodInfo pod, NodeInfo node) =>
        pod.HostPorts.Any(wanted => node.UsedPorts.Any(used => Conflict(wanted, used)))
            ? FilterResult.Unschedulable("node(s) didn't have free ports for the requested pod ports")
            : FilterResult.Success;

    /// <summary>The same port and protocol conflict when either side binds every address (0.0.0.0) or both bind the same one.</summary>
    private static bool Conflict((string Ip, string Protocol, int Port) a, (string Ip, string Protocol, int Port) b) =>
        a.Port == b.Port && a.Protocol == b.Protocol && (a.Ip == b.Ip || a.Ip == "0.0.0.0" || b.Ip == "0.0.0.0");
}
