using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Patching;

/// <summary>PATCH on an object (pkg/endpoints/handlers/patch.go): read the live object, apply the patch, write the result as an update.</summary>
public static class PatchHandler
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var patch = call.Patch ?? throw ApiException.BadRequest("the PATCH request has no body: send the patch");
        if (patch.MediaType == PatchRequest.Apply) return ServerSideApply.Handle(cluster, call, patch);
        var manager = FieldManager.Of(call);
        var path = call.Path;
        var live = path.Type.ToNode(cluster.Api.Get(path.Type, path.Namespace, path.Name!));
        var patched = patch.ApplyTo(live);
        var obj = Decode(cluster, path, patched);
        ManagedFields.RecordUpdate(obj, live, patched, manager, path.Type.ApiVersion, cluster.Api.Now, subresource: null);
        return KubeResponse.Of(200, cluster.Api.Update(obj, call.Write));
    }

    /// <summary>The patched JSON as a typed object, which must still be the path's kind, name and namespace.</summary>
    public static KubeObject Decode(SimulatedCluster cluster, ResourcePath path, JsonObject patched)
    {
        var obj = cluster.Resources.Decode(patched);
        if (obj.GetType() != path.Type.StoredClrType)
            throw ApiException.BadRequest($"the API version in the data ({obj.ApiVersion}) does not match the expected API version ({path.Type.ApiVersion}) or kind {obj.Kind} is not {path.Type.Kind}");
        if (path.Type.Namespaced)
        {
            if (string.IsNullOrEmpty(obj.Metadata.Namespace)) obj.Metadata.Namespace = path.Namespace;
            else if (obj.Metadata.Namespace != path.Namespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (path.Name is { } name && (obj.Metadata.Name ?? name) != name)
            throw ApiException.BadRequest($"the name of the object ({obj.Metadata.Name}) does not match the name on the URL ({name})");
        obj.Metadata.Name ??= path.Name;
        return obj;
    }
}
