using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>The body of a create on a pod's subresource (a Binding, an Eviction): of that kind, about the object and namespace of the URL.</summary>
internal static class SubresourceBody
{
    public static JsonObject Read(ResourceHandlers.Call call, string kind)
    {
        var body = call.Body ?? throw ApiException.BadRequest($"the request has no body: send a {kind}");
        if (body["kind"] is { } given && KubeJson.Text(given) != kind)
            throw ApiException.BadRequest($"the kind of the provided object ({given.ToJsonString()}) is not {kind}");
        if (KubeJson.Text(body["metadata"]?["name"]) is { Length: > 0 } name && name != call.Path.Name)
            throw ApiException.BadRequest($"name in URL does not match name in {kind} object");
        if (KubeJson.Text(body["metadata"]?["namespace"]) is { Length: > 0 } ns && ns != call.Path.Namespace)
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        return body;
    }

}
