using Playground.Core.Api.Core;

namespace Playground.Core.Clients;

/// <summary>The pod informer's index by spec.nodeName, which the kubelets and the scheduler read on every change.</summary>
public static class PodIndexes
{
    private const string NodeName = "spec.nodeName";

    /// <summary>The pods bound to <paramref name="node"/>; the index is made on first use and then kept up to date.</summary>
    public static IEnumerable<Pod> OnNode(this Informer<Pod> pods, string node)
    {
        pods.AddIndex(NodeName, p => string.IsNullOrEmpty(p.Spec.NodeName) ? null : p.Spec.NodeName);
        return pods.ByIndex(NodeName, node);
    }
}
