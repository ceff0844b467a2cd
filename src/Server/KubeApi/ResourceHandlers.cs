using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Server.KubeApi.Lists;
using Playground.Server.KubeApi.Tables;

namespace Playground.Server.KubeApi;

/// <summary>The REST verbs on one resource path, run on the sandbox's loop: get, list, create, update, delete and deletecollection.</summary>
public static class ResourceHandlers
{
    /// <summary>What a request brings to the loop: its path, verb, query, body (already read, at most the body limit) and Accept header.</summary>
    public sealed record Call(ResourcePath Path, string Method, IQueryCollection Query, JsonObject? Body)
    {
        /// <summary>The Accept header, which asks for server-side printing (a Table) when kubectl get sends it.</summary>
        public string? Accept { get; init; }

        /// <summary>A PATCH's body as sent (JSON or YAML text of its media type), which the patch handlers parse.</summary>
        public Patching.PatchRequest? Patch { get; init; }
    }

    public static KubeResponse Handle(SimulatedCluster cluster, Call call)
    {
        try
        {
            return (call.Method, call.Path.Name, call.Path.Subresource) switch
            {
                ("GET", null, _) => List(cluster, call),
                ("GET", not null, null) => Get(cluster, call),
                ("POST", null, _) => KubeResponse.Of(201, cluster.Api.Create(Decode(cluster, call), WriteContext.Kubectl)),
                ("PUT", not null, null) => KubeResponse.Of(200, cluster.Api.Update(Decode(cluster, call), WriteContext.Kubectl)),
                ("DELETE", not null, null) => KubeResponse.Of(200, cluster.Api.Delete(call.Path.Type, call.Path.Namespace, call.Path.Name, WriteContext.Kubectl, DeleteOptionsOf(call))),
                ("DELETE", null, _) => DeleteCollection(cluster.Api, call),
                ("PATCH", not null, null) => Patching.PatchHandler.Handle(cluster, call),
                (_, not null, not null) => Subresources.SubresourceHandler.Handle(cluster, call),
                _ => KubeResponse.Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
            };
        }
        catch (ApiException e)
        {
            return KubeResponse.Failure(e);
        }
    }

    /// <summary>One object, or a one-row Table when the client asks for server-side printing.</summary>
    private static KubeResponse Get(SimulatedCluster cluster, Call call)
    {
        var obj = cluster.Api.Get(call.Path.Type, call.Path.Namespace, call.Path.Name!);
        return TableRequest.Parse(call.Accept, call.Query) is { } table
            ? KubeResponse.Of(200, ServerTable.Build(obj.Kind, [obj], cluster.Clock.Now, table, new JsonObject { ["resourceVersion"] = obj.Metadata.ResourceVersion }))
            : KubeResponse.Of(200, obj);
    }

    /// <summary>A page of the collection (selectors, limit, continue), as a typed list or as a Table.</summary>
    private static KubeResponse List(SimulatedCluster cluster, Call call)
    {
        var page = ListPage.Read(cluster, call.Path, ListQuery.Parse(call.Query, call.Path.Type));
        return TableRequest.Parse(call.Accept, call.Query) is { } table
            ? KubeResponse.Of(200, ServerTable.Build(call.Path.Type.Kind, page.Items, cluster.Clock.Now, table, page.Metadata()))
            : KubeResponse.Of(200, ListOf(cluster.Api, call.Path.Type, page.Items, page.Metadata()));
    }

    /// <summary>A typed list as the API server returns it: kind "PodList", the list's metadata (by default the store's revision), and the items with their own kind and apiVersion.</summary>
    internal static JsonObject ListOf(ApiServer api, ResourceType type, IEnumerable<KubeObject> items, JsonObject? metadata = null) => new()
    {
        ["kind"] = $"{type.Kind}List",
        ["apiVersion"] = type.ApiVersion,
        ["metadata"] = metadata ?? new JsonObject { ["resourceVersion"] = api.Store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)KubeJson.ToNode(i))]),
    };

    private static KubeResponse DeleteCollection(ApiServer api, Call call)
    {
        var query = ListQuery.Parse(call.Query, call.Path.Type);
        var options = DeleteOptionsOf(call);
        var deleted = api.List(call.Path.Type, call.Path.Namespace, query.Labels)
            .Where(query.Fields.Matches)
            .Select(o => api.Delete(call.Path.Type, o.Metadata.Namespace, o.Metadata.Name!, WriteContext.Kubectl, options))
            .ToList();
        return KubeResponse.Of(200, ListOf(api, call.Path.Type, deleted));
    }

    /// <summary>The body must be the path's kind, in the path's namespace and, for an update, under the path's name.</summary>
    private static KubeObject Decode(SimulatedCluster cluster, Call call)
    {
        if (call.Body is null) throw ApiException.BadRequest("the request has no body: send the object as JSON");
        var type = call.Path.Type;
        // Upstream's decoder takes a missing apiVersion or kind from the endpoint; clients such as the official Python one leave them out.
        call.Body["apiVersion"] ??= type.ApiVersion;
        call.Body["kind"] ??= type.Kind;
        var obj = cluster.Resources.Decode(call.Body);
        if (obj.GetType() != type.ClrType)
            throw ApiException.BadRequest($"the API version in the data ({obj.ApiVersion}) does not match the expected API version ({type.ApiVersion}) or kind {obj.Kind} is not {type.Kind}");
        if (type.Namespaced)
        {
            if (string.IsNullOrEmpty(obj.Metadata.Namespace)) obj.Metadata.Namespace = call.Path.Namespace;
            else if (obj.Metadata.Namespace != call.Path.Namespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (call.Path.Name is { } name && obj.Metadata.Name != name)
            throw ApiException.BadRequest("the name of the object does not match the name on the URL");
        return obj;
    }

    /// <summary>Options from the body (kubectl sends DeleteOptions there) or the query (curl users do).</summary>
    private static DeleteOptions? DeleteOptionsOf(Call call)
    {
        DeleteOptions? options = null;
        if (call.Body is not null)
        {
            try
            {
                options = call.Body.Deserialize<DeleteOptions>(new JsonSerializerOptions(KubeJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip });
            }
            catch (JsonException e)
            {
                throw ApiException.BadRequest($"invalid DeleteOptions: {e.Message}");
            }
        }
        if (call.Query["propagationPolicy"].ToString() is { Length: > 0 } policy) (options ??= new()).PropagationPolicy = policy;
        if (long.TryParse(call.Query["gracePeriodSeconds"], out var grace)) (options ??= new()).GracePeriodSeconds = grace;
        return options;
    }
}
