using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>POST pods/{name}/binding: a v1 Binding that puts the pod on its target node, as the scheduler does (pkg/registry/core/pod/storage BindingREST).</summary>
public static class Binding
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var body = SubresourceBody.Read(call, "Binding");
        if (body["target"] is not JsonObject target || target["name"]?.ToString() is not { Length: > 0 } node)
            throw new ApiException(new Playground.Core.Api.Meta.Status { Code = 422, Reason = "Invalid", Message = $"Binding \"{call.Path.Name}\" is invalid: target.name: Required value" });
        if (target["kind"]?.ToString() is { Length: > 0 } kind && kind != "Node")
            throw new ApiException(new Playground.Core.Api.Meta.Status { Code = 422, Reason = "Invalid", Message = $"Binding \"{call.Path.Name}\" is invalid: target.kind: Unsupported value: \"{kind}\": supported values: \"Node\"" });
        cluster.Api.Bind(call.Path.Namespace ?? "default", call.Path.Name!, node, call.Write);
        return KubeResponse.Of(201, Success(201));
    }

    /// <summary>The Status that creating a binding or an eviction returns instead of an object.</summary>
    public static JsonObject Success(int code) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["code"] = code,
    };
}
