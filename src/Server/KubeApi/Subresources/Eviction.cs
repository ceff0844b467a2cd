using System.Text.Json;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>POST pods/{name}/eviction: a policy/v1 Eviction, which deletes the pod unless its PodDisruptionBudget forbids it (429).</summary>
public static class Eviction
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var body = call.Body ?? throw ApiException.BadRequest("the request has no body: send an Eviction");
        if (body["metadata"]?["name"]?.ToString() is { } name && name != call.Path.Name)
            throw ApiException.BadRequest("name in URL does not match name in Eviction object");
        DeleteOptions? options = null;
        if (body["deleteOptions"] is { } node)
        {
            try
            {
                options = node.Deserialize<DeleteOptions>(new JsonSerializerOptions(KubeJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip });
            }
            catch (JsonException e)
            {
                throw ApiException.BadRequest($"invalid deleteOptions: {e.Message}");
            }
        }
        cluster.Api.Evict(call.Path.Namespace ?? "default", call.Path.Name!, WriteContext.Kubectl, options);
        return KubeResponse.Of(201, Binding.Success(201));
    }
}
