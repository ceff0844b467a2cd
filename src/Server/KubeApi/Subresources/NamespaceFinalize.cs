using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Server.KubeApi.Patching;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>
/// PUT namespaces/{name}/finalize: the only write that changes a namespace's spec.finalizers (the namespace controller
/// empties them), refused as an update is when the body is stale, mismatched or invalid.
/// </summary>
public static class NamespaceFinalize
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var ns = (Namespace)ResourceHandlers.Decode(cluster, call);
        var type = call.Path.Type;
        var live = cluster.Api.Get(type, null, call.Path.Name!);
        if (ns.Metadata.ResourceVersion is { Length: > 0 } version && version != live.Metadata.ResourceVersion)
            throw ApiException.Conflict(type, call.Path.Name!);
        if (type.Strategy.Validate(ns).ToList() is { Count: > 0 } errors) throw ApiException.Invalid(type, call.Path.Name!, errors);
        return KubeResponse.Of(200, cluster.Api.FinalizeNamespace(call.Path.Name!, ns.Spec?.Finalizers ?? [], call.Write));
    }
}
