using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>POST pods/{name}/eviction: a policy/v1 Eviction, which deletes the pod unless its PodDisruptionBudget forbids it (429).</summary>
public static class Eviction
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var body = SubresourceBody.Read(call, "Eviction");
        var options = ResourceHandlers.ReadDeleteOptions(body["deleteOptions"]);
        cluster.Api.Evict(call.Path.Namespace ?? "default", call.Path.Name!, call.Write, options);
        return KubeResponse.Of(201, Binding.Success(201));
    }
}
