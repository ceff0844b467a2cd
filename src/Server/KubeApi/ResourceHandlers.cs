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

        /// <summary>The User-Agent header, whose program name is a write's field manager when ?fieldManager= is absent.</summary>
        public string UserAgent { get; init; } = "";

        /// <summary>The write as kubectl's, judged whole but not stored when dryRun=All asks (kubectl --dry-run=server, kubectl diff).</summary>
        public WriteContext Write => WriteContext.Kubectl with { DryRun = DryRun.Contains("All") };

        /// <summary>dryRun as the query gives it or, for a delete or an eviction, as the DeleteOptions in the body do, where kubectl sends it.</summary>
        public IReadOnlyList<string?> DryRun =>
        [
            .. Query["dryRun"],
            .. (Method == "DELETE" ? Body : Body?["deleteOptions"] as JsonObject)?["dryRun"] is JsonArray values
                ? values.Select(v => KubeJson.Text(v) ?? v?.ToJsonString())
                : [],
        ];
    }

    public static KubeResponse Handle(SimulatedCluster cluster, Call call)
    {
        try
        {
            CheckOptions(call);
            return Versions.ServedVersion.Convert(call.Path.Type, (call.Method, call.Path.Name, call.Path.Subresource) switch
            {
                ("GET", null, _) => List(cluster, call),
                ("GET", not null, null) => Get(cluster, call),
                ("POST", null, _) => KubeResponse.Of(201, cluster.Api.Create(Patching.ManagedFields.OnCreate(Decode(cluster, call), call, cluster.Api.Now), call.Write)),
                ("PUT", not null, null) => KubeResponse.Of(200, cluster.Api.Update(Patching.ManagedFields.OnUpdate(cluster.Api, Decode(cluster, call), call), call.Write)),
                ("DELETE", not null, null) => KubeResponse.Of(200, cluster.Api.Delete(call.Path.Type, call.Path.Namespace, call.Path.Name, call.Write, DeleteOptionsOf(call))),
                ("DELETE", null, _) => DeleteCollection(cluster.Api, call),
                ("PATCH", not null, null) => Patching.PatchHandler.Handle(cluster, call),
                (_, not null, not null) => Subresources.SubresourceHandler.Handle(cluster, call),
                _ => KubeResponse.Failure(ApiException.MethodNotAllowed()),
            });
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
            .Select(o => api.Delete(call.Path.Type, o.Metadata.Namespace, o.Metadata.Name!, call.Write, options))
            .ToList();
        return KubeResponse.Of(200, ListOf(api, call.Path.Type, deleted));
    }

    /// <summary>The body must be the path's kind, in the path's namespace and, for an update, under the path's name.</summary>
    internal static KubeObject Decode(SimulatedCluster cluster, Call call)
    {
        if (call.Body is null) throw ApiException.BadRequest("the request has no body: send the object as JSON");
        var type = call.Path.Type;
        // Upstream's decoder takes a missing apiVersion or kind from the endpoint; clients such as the official Python one leave them out.
        call.Body["apiVersion"] ??= type.ApiVersion;
        call.Body["kind"] ??= type.Kind;
        var apiVersion = KubeJson.Text(call.Body["apiVersion"]) ?? "";
        var obj = cluster.Resources.Decode(call.Body);
        // Another version of the same kind decodes to the same stored model, so the version is compared as sent.
        if (obj.GetType() != type.StoredClrType || apiVersion != type.ApiVersion)
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion}) or kind {obj.Kind} is not {type.Kind}");
        if (type.Namespaced)
        {
            if (string.IsNullOrEmpty(obj.Metadata.Namespace)) obj.Metadata.Namespace = call.Path.Namespace;
            else if (obj.Metadata.Namespace != call.Path.Namespace)
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (call.Path.Name is { } name && obj.Metadata.Name != name)
            throw ApiException.BadRequest($"the name of the object ({obj.Metadata.Name}) does not match the name on the URL ({name})");
        return obj;
    }

    /// <summary>Options from the body (kubectl sends DeleteOptions there) or the query (curl users do).</summary>
    private static DeleteOptions? DeleteOptionsOf(Call call)
    {
        var options = ReadDeleteOptions(call.Body);
        if (call.Query["propagationPolicy"].ToString() is { Length: > 0 } policy) (options ??= new()).PropagationPolicy = policy;
        if (call.Query["gracePeriodSeconds"].ToString() is { Length: > 0 } text)
            (options ??= new()).GracePeriodSeconds = long.TryParse(text, out var grace) ? grace
                : throw ApiException.BadRequest($"invalid gracePeriodSeconds: \"{text}\" is not an integer");
        CheckPropagationPolicy(options);
        return options;
    }

    /// <summary>A DeleteOptions body (of a delete or an eviction), or a 400 that says which field could not be read.</summary>
    internal static DeleteOptions? ReadDeleteOptions(JsonNode? body)
    {
        if (body is null) return null;
        try
        {
            var options = body.Deserialize<DeleteOptions>(new JsonSerializerOptions(KubeJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip });
            CheckPropagationPolicy(options);
            return options;
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"invalid DeleteOptions: {e.Path?.TrimStart('$', '.')}: {e.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>An unknown policy would otherwise delete in the background: upstream's ValidateDeleteOptions refuses it.</summary>
    private static void CheckPropagationPolicy(DeleteOptions? options)
    {
        if (options?.PropagationPolicy is { } policy && policy is not ("Foreground" or "Background" or "Orphan"))
            throw RequestOptions.Invalid("DeleteOptions", [FieldError.NotSupported("propagationPolicy", $"\"{policy}\"", ["Foreground", "Background", "Orphan", "nil"])]);
    }

    /// <summary>
    /// The write options every verb validates before it acts (upstream's Validate*Options): dryRun may only be "All",
    /// an apply needs a field manager, and force is for applies only.
    /// </summary>
    private static void CheckOptions(Call call)
    {
        if (RequestOptions.WriteKind(call.Method) is not { } kind) return;
        var errors = new List<FieldError>();
        var dryRun = call.DryRun;
        if (!dryRun.All(v => v == "All"))
            errors.Add(FieldError.NotSupported("dryRun", $"[]string{{{string.Join(", ", dryRun.Select(v => $"\"{v}\""))}}}", ["All"]));
        if (call.Patch is { } patch)
        {
            if (patch.MediaType == Patching.PatchRequest.Apply && call.Query["fieldManager"].ToString().Length == 0)
                errors.Add(FieldError.Required("fieldManager", "is required for apply patch"));
            if (patch.MediaType != Patching.PatchRequest.Apply && call.Query.ContainsKey("force"))
                errors.Add(FieldError.Forbidden("force", "may not be specified for non-apply patch"));
        }
        if (errors.Count > 0) throw RequestOptions.Invalid(kind, errors);
    }
}
