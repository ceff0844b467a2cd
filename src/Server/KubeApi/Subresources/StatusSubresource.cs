using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Server.KubeApi.Patching;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>{resource}/status: the whole object to read, and writes that change only its status (the kind's status strategy keeps the rest).</summary>
public static class StatusSubresource
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var path = call.Path;
        var live = cluster.Api.Get(path.Type, path.Namespace, path.Name!);
        if (call.Method == "GET") return KubeResponse.Of(200, live);
        var before = path.Type.ToNode(live);
        var after = call.Method switch
        {
            "PUT" => call.Body ?? throw ApiException.BadRequest("the request has no body: send the object as JSON"),
            "PATCH" => (call.Patch ?? throw ApiException.BadRequest("the PATCH request has no body: send the patch")).ApplyTo(before),
            _ => throw ApiException.MethodNotAllowed(),
        };
        var obj = PatchHandler.Decode(cluster, path, after);
        var manager = FieldManager.Of(call);
        ManagedFields.RecordUpdate(obj, before, after, manager, path.Type.ApiVersion, cluster.Api.Now, subresource: "status");
        return KubeResponse.Of(200, cluster.Api.UpdateStatus(obj, call.Write));
    }
}
