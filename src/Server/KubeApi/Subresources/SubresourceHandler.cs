using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>Requests on {resource}/{name}/{subresource}, sent to the subresource's own handler (log is streamed by PodLogs, off this path).</summary>
public static class SubresourceHandler
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call) => (call.Path.Subresource, call.Path.Type.Plural, call.Method) switch
    {
        ("status", _, _) when call.Path.Type.ClrType.GetProperty("Status") is not null => StatusSubresource.Handle(cluster, call),
        ("scale", "deployments" or "replicasets" or "statefulsets", _) => Scale.Handle(cluster, call),
        ("binding", "pods", "POST") => Binding.Handle(cluster, call),
        ("eviction", "pods", "POST") => Eviction.Handle(cluster, call),
        ("finalize", "namespaces", "PUT") => NamespaceFinalize.Handle(cluster, call),
        ("binding" or "eviction", "pods", _) => throw ApiException.MethodNotAllowed(),
        ("finalize", "namespaces", _) => throw ApiException.MethodNotAllowed(),
        _ => KubeResponse.NotFound(),
    };
}
