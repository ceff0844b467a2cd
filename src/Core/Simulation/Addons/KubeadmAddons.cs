using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Simulation.Addons;

/// <summary>
/// kubeadm's "addon" phase: the kube-system objects of CoreDNS and kube-proxy, created through the API server so the
/// controllers, the scheduler and the kubelets bring their pods up like any others.
/// </summary>
internal static class KubeadmAddons
{
    public static readonly WriteContext Kubeadm = new("kubeadm");

    /// <summary>How long a new cluster boots before it is handed over: the add-ons' pulls, readiness and first liveness probe fit in it.</summary>
    public static readonly TimeSpan StartupTime = TimeSpan.FromSeconds(90);

    /// <summary>The manifests as JSON, read from YAML once per process; strings, so sandboxes on other threads can share them.</summary>
    private static readonly string[] Documents =
        [.. ManifestReader.Read(CoreDnsAddon.Manifests + "\n---\n" + KubeProxyAddon.Manifests).Select(m => m.Node.ToJsonString())];

    public static void Install(ApiServer.ApiServer api, ResourceRegistry resources)
    {
        foreach (var json in Documents) api.Create(resources.Decode(JsonNode.Parse(json)!.AsObject()), Kubeadm);
    }
}
