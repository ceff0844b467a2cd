using System.Text.Json;
using System.Text.Json.Nodes;

namespace Playground.Server.Tests;

/// <summary>One bad request and what the API must answer: one of <see cref="Codes"/>, as a Status whose text names the problem (or says <see cref="Message"/> exactly).</summary>
public sealed record BadInput(DiscoveredRoute Route, string Input, ApiRequest Request, int[] Codes, string[] Names, string? Message = null)
{
    /// <summary>Null when the answer is right, else what is wrong with it.</summary>
    public async Task<string?> CheckAsync(HttpResponseMessage response) =>
        Problem((int)response.StatusCode, await response.Content.ReadAsStringAsync(), Codes, Names, Message);

    /// <summary>What is wrong with an answer that should be a Failure Status with one of <paramref name="codes"/>, naming one of <paramref name="names"/> (any, when none) or saying <paramref name="message"/>.</summary>
    public static string? Problem(int code, string text, int[] codes, string[] names, string? message = null)
    {
        var shown = text.Length > 400 ? text[..400] + "..." : text;
        if (!codes.Contains(code)) return $"expected {string.Join(" or ", codes)}, got {code}: {shown}";
        JsonObject? status;
        try
        {
            status = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            status = null;
        }
        if (status is null || Text(status["kind"]) != "Status" || Text(status["status"]) != "Failure")
            return $"{code} without a Failure Status: {shown}";
        if (status["code"] is not JsonValue statusCode || statusCode.GetValue<int>() != code) return $"the Status's code is not {code}: {shown}";
        if (Text(status["reason"]) != ReasonOf(code)) return $"reason {Text(status["reason"])}, expected {ReasonOf(code)}: {shown}";
        var said = Text(status["message"]);
        if (message is not null) return said == message ? null : $"message \"{said}\", expected \"{message}\"";
        var causes = status["details"]?["causes"] as JsonArray ?? [];
        said = string.Join(' ', causes.Select(c => $"{Text(c?["field"])} {Text(c?["message"])}").Prepend(said));
        return names.Length == 0 || names.Any(n => said.Contains(n, StringComparison.OrdinalIgnoreCase)) ? null
            : $"the Status does not name the problem ({string.Join(" or ", names)}): {shown}";
    }

    public override string ToString() => $"{Request} [{Input}]";

    /// <summary>The reason upstream's StatusError gives each code.</summary>
    public static string ReasonOf(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        413 => "RequestEntityTooLarge",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        _ => $"(no reason for {code})",
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}

/// <summary>
/// The bad requests for every write route: for objects (create, update, patch in its four media types, delete,
/// deletecollection) and for subresources (status, scale, finalize, binding, eviction). Each changes one thing in a
/// body the server would take, so that the answer can only be about that one thing.
/// </summary>
public static class KubeApiBadInputs
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicPatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];

    private const string Other = "other";
    private const string BadKey = "bad key!";
    private const string NamespaceMismatch = "the namespace of the provided object does not match the namespace sent on the request";
    private const string Padding = ApiRequest.Padding;

    private static readonly int[] BadRequest = [400], Invalid = [422], BadOrInvalid = [400, 422], Conflict = [409], TooLarge = [413], Unsupported = [415];
    private static readonly string[] Json = ["json"], Yaml = ["yaml"];

    /// <summary>How many cases of one route are sent at once; the sandbox's revision is read after each batch.</summary>
    private const int BatchSize = 16;

    /// <summary>
    /// The cases for every route that has a write verb, aimed at the object each kind's manifest made (or, for a kind
    /// that has none, the first object of its kind), in batches of one route's cases that may be sent at once. Deletes
    /// come last, collection deletes after them: one that slipped through would take the other cases' objects with it.
    /// </summary>
    public static async Task<IReadOnlyList<BadInput[]>> ForAsync(ApiSandbox sandbox, IReadOnlyList<DiscoveredRoute> routes)
    {
        var (writes, deletes, collectionDeletes) = (new List<BadInput[]>(), new List<BadInput[]>(), new List<BadInput[]>());
        foreach (var route in routes.Where(r => r.Subresource is null && r.Verbs.Any(WriteVerbs.Contains)))
        {
            var live = await TargetAsync(sandbox, route);
            var name = live["metadata"]!["name"]!.GetValue<string>();
            var of = new Cases(route, route, name);
            ObjectCases(of, live, OneOfEachKind.For(route.GroupVersion, route.Kind) ?? Fresh(live));
            writes.AddRange(of.List.Chunk(BatchSize));
            var delete = new Cases(route, route, name);
            if (route.Has("delete")) DeleteCases(delete, route.Object(name));
            deletes.AddRange(delete.List.Chunk(BatchSize));
            var collection = new Cases(route, route, name);
            if (route.Has("deletecollection")) CollectionDeleteCases(collection);
            collectionDeletes.AddRange(collection.List.Chunk(BatchSize));

            // exec is a stream upgrade with no body, and its own tests cover it; log is read-only.
            foreach (var sub in routes.Where(r => r.GroupVersion == route.GroupVersion && r.Resource == route.Resource
                && r.Subresource is not (null or "exec") && r.Verbs.Any(WriteVerbs.Contains)))
            {
                var subCases = new Cases(sub, route, name);
                if (sub.Kind == route.Kind) SameKindCases(subCases, sub.Has("get") ? await sandbox.GetAsync(sub.Object(name)) : live);
                else if (sub.Kind == "Scale") ScaleCases(subCases, await sandbox.GetAsync(sub.Object(name)));
                else CreateOnlyCases(subCases, sub.Kind);
                // A create of another kind acts on the object (an eviction deletes it), so it goes with the deletes.
                (sub.Kind == route.Kind || sub.Kind == "Scale" ? writes : deletes).AddRange(subCases.List.Chunk(BatchSize));
            }
        }
        return [.. writes, .. deletes, .. collectionDeletes];
    }

    /// <summary>The object the cases write to: the manifest's, else the first one the collection lists.</summary>
    private static async Task<JsonObject> TargetAsync(ApiSandbox sandbox, DiscoveredRoute route)
    {
        var response = await sandbox.SendAsync(new ApiRequest(HttpMethod.Get, route.Object(OneOfEachKind.Name)));
        if (response.IsSuccessStatusCode) return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var items = (await sandbox.GetAsync(route.Collection))["items"]!.AsArray();
        Assert.True(items.Count > 0, $"no {route.Kind} to send bad input to: add one to {nameof(OneOfEachKind)}.{nameof(OneOfEachKind.Manifests)}");
        return items[0]!.AsObject();
    }

    /// <summary>A live object as a new one: what a client sends to create its like.</summary>
    private static JsonObject Fresh(JsonObject live)
    {
        var fresh = live.DeepClone().AsObject();
        fresh.Remove("status");
        var metadata = fresh["metadata"]!.AsObject();
        foreach (var field in metadata.Select(f => f.Key).Where(k => k is not ("name" or "namespace" or "labels" or "annotations")).ToList())
            metadata.Remove(field);
        return fresh;
    }

    private static void ObjectCases(Cases c, JsonObject live, JsonObject manifest)
    {
        var route = c.Route;
        var hasReplicas = live["spec"]?["replicas"] is not null;
        if (route.Has("create"))
        {
            var fresh = With(manifest, ("metadata.name", "bad-input"));
            var post = (string body) => new ApiRequest(HttpMethod.Post, route.Collection, body);
            BodyCases(c, HttpMethod.Post, route.Collection, fresh, streamed: true);
            c.Add("an invalid name", post(Set(fresh, ("metadata.name", "Bad_Name"))), Invalid, ["metadata.name"]);
            MetadataCases(c, post, fresh);
            c.Add("a bad label key, in a dry run", new ApiRequest(HttpMethod.Post, route.Collection + "?dryRun=All", Set(fresh, ("metadata.labels", new JsonObject { [BadKey] = "x" }))), Invalid, ["metadata.labels"]);
            if (route.Namespaced)
                c.Add("another namespace than the URL's", post(Set(fresh, ("metadata.namespace", "kube-system"))), BadRequest, [], NamespaceMismatch);
            if (hasReplicas) ReplicasCases(c, post, fresh, "spec.replicas");
        }
        if (route.Has("update"))
        {
            var path = route.Object(c.Name);
            BodyCases(c, HttpMethod.Put, path, live, streamed: false);
            UpdateCases(c, path, live);
            MetadataCases(c, body => new ApiRequest(HttpMethod.Put, path, body), live);
            c.Add("a bad label key, in a dry run", new ApiRequest(HttpMethod.Put, path + "?dryRun=All", Set(live, ("metadata.labels", new JsonObject { [BadKey] = "x" }))), Invalid, ["metadata.labels"]);
            if (hasReplicas) ReplicasCases(c, body => new ApiRequest(HttpMethod.Put, path, body), live, "spec.replicas");
        }
        if (route.Has("patch"))
        {
            var path = route.Object(c.Name);
            PatchCases(c, path, live);
            foreach (var type in new[] { MergePatch, StrategicPatch })
            {
                var patch = (string body) => new ApiRequest(HttpMethod.Patch, path, body, type);
                c.Add($"{type}: a bad label key", patch(Nested(("metadata.labels", new JsonObject { [BadKey] = "x" }))), Invalid, ["metadata.labels"]);
                c.Add($"{type}: labels of the wrong type", patch(Nested(("metadata.labels", "three"))), BadOrInvalid, ["metadata.labels"]);
                if (hasReplicas)
                {
                    c.Add($"{type}: negative replicas", patch(Nested(("spec.replicas", -1))), Invalid, ["spec.replicas"]);
                    c.Add($"{type}: replicas of the wrong type", patch(Nested(("spec.replicas", "three"))), BadOrInvalid, ["spec.replicas"]);
                }
            }
            c.Add("merge: a bad label key, in a dry run", new ApiRequest(HttpMethod.Patch, path + "?dryRun=All", Nested(("metadata.labels", new JsonObject { [BadKey] = "x" })), MergePatch), Invalid, ["metadata.labels"]);
            var apply = Apply(route, live, c.Name);
            c.Add("json-patch: a bad label key", new ApiRequest(HttpMethod.Patch, path, $$$"""[{"op":"add","path":"/metadata/labels","value":{"{{{BadKey}}}":"x"}}]""", JsonPatch), Invalid, ["metadata.labels"]);
            c.Add("apply: a bad label key", new ApiRequest(HttpMethod.Patch, path + "?fieldManager=bad-input", Set(apply, ("metadata.labels", new JsonObject { [BadKey] = "x" })), ApplyPatch), Invalid, ["metadata.labels"]);
            c.Add("apply: labels of the wrong type", new ApiRequest(HttpMethod.Patch, path + "?fieldManager=bad-input", Set(apply, ("metadata.labels", "three")), ApplyPatch), BadOrInvalid, ["metadata.labels"]);
            c.Add("apply: a stale resourceVersion", new ApiRequest(HttpMethod.Patch, path + "?fieldManager=bad-input", Set(apply, ("metadata.resourceVersion", "1")), ApplyPatch), Conflict, [], c.ConflictMessage);
        }
    }

    /// <summary>A body that is not a readable object of the right size and type, on any verb that takes one.</summary>
    private static void BodyCases(Cases c, HttpMethod method, string path, JsonObject valid, bool streamed)
    {
        var text = valid.ToJsonString();
        c.Add("malformed JSON", new ApiRequest(method, path, text[..(text.Length / 2)]), BadRequest, Json);
        c.Add("a JSON array", new ApiRequest(method, path, "[1,2]"), BadRequest, ["object"]);
        c.Add("no body", new ApiRequest(method, path, ""), BadRequest, ["body"]);
        c.Add("text/plain", new ApiRequest(method, path, text, "text/plain"), Unsupported, ["unknown format"]);
        c.Add(streamed ? "over 3 MiB, streamed" : "over 3 MiB", new ApiRequest(method, path, Set(valid, ("metadata.annotations.padding", Padding)), Streamed: streamed), TooLarge, ["limit"]);
        c.Add("a bad dryRun", new ApiRequest(method, path + "?dryRun=Bogus", text), BadOrInvalid, ["dryRun"]);
        c.Add("a bad fieldValidation", new ApiRequest(method, path + "?fieldValidation=Loud", text), BadOrInvalid, ["fieldValidation"]);
        c.Add("a wrong kind", new ApiRequest(method, path, Set(valid, ("kind", "Wrong"))), BadRequest, ["Wrong"]);
    }

    /// <summary>What only an update can get wrong: the version it read, and the name and namespace it is sent to.</summary>
    private static void UpdateCases(Cases c, string path, JsonObject live)
    {
        c.Add("a stale resourceVersion", new ApiRequest(HttpMethod.Put, path, Set(live, ("metadata.resourceVersion", "1"))), Conflict, [], c.ConflictMessage);
        c.Add("another name than the URL's", new ApiRequest(HttpMethod.Put, path, Set(live, ("metadata.name", Other))), BadRequest, [], c.NameMismatch);
        if (c.Route.Namespaced)
            c.Add("another namespace than the URL's", new ApiRequest(HttpMethod.Put, path, Set(live, ("metadata.namespace", "kube-system"))), BadRequest, [], NamespaceMismatch);
    }

    /// <summary>Metadata every kind validates alike.</summary>
    private static void MetadataCases(Cases c, Func<string, ApiRequest> send, JsonObject valid)
    {
        c.Add("a bad label key", send(Set(valid, ("metadata.labels", new JsonObject { [BadKey] = "x" }))), Invalid, ["metadata.labels"]);
        c.Add("a bad label value", send(Set(valid, ("metadata.labels", new JsonObject { ["ok"] = "not ok!" }))), Invalid, ["metadata.labels"]);
        c.Add("a bad annotation key", send(Set(valid, ("metadata.annotations", new JsonObject { [BadKey] = "x" }))), Invalid, ["metadata.annotations"]);
        c.Add("annotations over 256 KiB", send(Set(valid, ("metadata.annotations", new JsonObject { ["big"] = new string('x', 256 * 1024) }))), Invalid, ["metadata.annotations: Too long"]);
        c.Add("a bad finalizer", send(Set(valid, ("metadata.finalizers", new JsonArray(BadKey)))), Invalid, ["metadata.finalizers"]);
        c.Add("labels of the wrong type", send(Set(valid, ("metadata.labels", "three"))), BadOrInvalid, ["metadata.labels"]);
    }

    private static void ReplicasCases(Cases c, Func<string, ApiRequest> send, JsonObject valid, string field)
    {
        c.Add("negative replicas", send(Set(valid, (field, -1))), Invalid, [field]);
        c.Add("replicas of the wrong type", send(Set(valid, (field, "three"))), BadOrInvalid, [field]);
    }

    /// <summary>What every patchable route must refuse, in each of the four patch media types.</summary>
    private static void PatchCases(Cases c, string path, JsonObject live)
    {
        var patch = (string body, string type) => new ApiRequest(HttpMethod.Patch, path, body, type);
        c.Add("text/plain", patch("""{"metadata":{"labels":{"a":"b"}}}""", "text/plain"), Unsupported, ["unknown format"]);
        c.Add("a bad dryRun", new ApiRequest(HttpMethod.Patch, path + "?dryRun=Bogus", """{"metadata":{"labels":{"a":"b"}}}""", MergePatch), BadOrInvalid, ["dryRun"]);
        c.Add("force on a merge patch", new ApiRequest(HttpMethod.Patch, path + "?force=true", """{"metadata":{"labels":{"a":"b"}}}""", MergePatch), Invalid, ["force"]);

        c.Add("json-patch: malformed", patch("""[{"op":""", JsonPatch), BadRequest, Json);
        c.Add("json-patch: not a list", patch("""{"op":"remove"}""", JsonPatch), BadRequest, Json);
        c.Add("json-patch: over 3 MiB", patch($$"""[{"op":"add","path":"/metadata/annotations/padding","value":"{{Padding}}"}]""", JsonPatch), TooLarge, ["limit"]);
        c.Add("json-patch: a failing test", patch($$"""[{"op":"test","path":"/metadata/name","value":"{{Other}}"}]""", JsonPatch), Invalid, ["test"]);
        c.Add("json-patch: removing a missing path", patch("""[{"op":"remove","path":"/metadata/nothing"}]""", JsonPatch), Invalid, ["/metadata/nothing"]);
        c.Add("json-patch: another name", patch($$"""[{"op":"replace","path":"/metadata/name","value":"{{Other}}"}]""", JsonPatch), BadRequest, [], c.NameMismatch);
        c.Add("json-patch: a stale resourceVersion", patch("""[{"op":"replace","path":"/metadata/resourceVersion","value":"1"}]""", JsonPatch), Conflict, [], c.ConflictMessage);

        foreach (var type in new[] { MergePatch, StrategicPatch })
        {
            c.Add($"{type}: malformed", patch("""{"metadata":""", type), BadRequest, Json);
            c.Add($"{type}: a list", patch("[1]", type), BadRequest, ["object"]);
            c.Add($"{type}: over 3 MiB", patch(Nested(("metadata.annotations.padding", Padding)), type), TooLarge, ["limit"]);
            c.Add($"{type}: another name", patch(Nested(("metadata.name", Other)), type), BadRequest, [], c.NameMismatch);
            c.Add($"{type}: a stale resourceVersion", patch(Nested(("metadata.resourceVersion", "1")), type), Conflict, [], c.ConflictMessage);
        }

        var apply = Apply(c.Parent, live, c.Name);
        var applying = (string body) => new ApiRequest(HttpMethod.Patch, path + "?fieldManager=bad-input", body, ApplyPatch);
        c.Add("apply: malformed YAML", applying("metadata: {name: [web"), BadRequest, Yaml);
        c.Add("apply: over 3 MiB", applying(Set(apply, ("metadata.annotations.padding", Padding))), TooLarge, ["limit"]);
        c.Add("apply: no fieldManager", patch(apply.ToJsonString(), ApplyPatch), Invalid, ["fieldManager"]);
        c.Add("apply: another name", applying(Set(apply, ("metadata.name", Other))), BadRequest, [], c.NameMismatch);
    }

    /// <summary>The smallest apply configuration of the object (YAML is a superset of JSON, so JSON text is a valid apply body).</summary>
    private static JsonObject Apply(DiscoveredRoute route, JsonObject live, string name) => new()
    {
        ["apiVersion"] = live["apiVersion"]?.DeepClone() ?? route.GroupVersion,
        ["kind"] = live["kind"]?.DeepClone() ?? route.Kind,
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    private static void DeleteCases(Cases c, string path)
    {
        var delete = (string body) => new ApiRequest(HttpMethod.Delete, path, body);
        c.Add("malformed JSON", delete("""{"propagationPolicy":"""), BadRequest, Json);
        c.Add("a JSON array", delete("[1]"), BadRequest, ["object", "DeleteOptions"]);
        c.Add("text/plain", new ApiRequest(HttpMethod.Delete, path, "{}", "text/plain"), Unsupported, ["unknown format"]);
        c.Add("over 3 MiB", delete(Nested(("padding", Padding))), TooLarge, ["limit"]);
        c.Add("an unknown propagationPolicy", delete("""{"propagationPolicy":"Sideways"}"""), Invalid, ["propagationPolicy"]);
        c.Add("an unknown propagationPolicy in the query", new ApiRequest(HttpMethod.Delete, path + "?propagationPolicy=Sideways"), Invalid, ["propagationPolicy"]);
        c.Add("gracePeriodSeconds of the wrong type", delete("""{"gracePeriodSeconds":"soon"}"""), BadRequest, ["gracePeriodSeconds"]);
        c.Add("a stale resourceVersion precondition", delete("""{"preconditions":{"resourceVersion":"1"}}"""), Conflict, ["Precondition failed"]);
        c.Add("another uid precondition", delete("""{"preconditions":{"uid":"00000000-0000-4000-8000-000000000000"}}"""), Conflict, ["Precondition failed"]);
        c.Add("a bad dryRun", new ApiRequest(HttpMethod.Delete, path + "?dryRun=Bogus"), BadOrInvalid, ["dryRun"]);
        c.Add("gracePeriodSeconds in the query that is not a number", new ApiRequest(HttpMethod.Delete, path + "?gracePeriodSeconds=soon"), BadRequest, ["gracePeriodSeconds"]);
    }

    /// <summary>Aimed at the manifests' objects by their label, so that one which slipped through would delete only them.</summary>
    private static void CollectionDeleteCases(Cases c)
    {
        var path = $"{c.Route.Collection}?labelSelector={Uri.EscapeDataString(OneOfEachKind.Label)}";
        var delete = (string body) => new ApiRequest(HttpMethod.Delete, path, body);
        c.Add("deletecollection: malformed JSON", delete("""{"propagationPolicy":"""), BadRequest, Json);
        c.Add("deletecollection: text/plain", new ApiRequest(HttpMethod.Delete, path, "{}", "text/plain"), Unsupported, ["unknown format"]);
        c.Add("deletecollection: an unknown propagationPolicy", delete("""{"propagationPolicy":"Sideways"}"""), Invalid, ["propagationPolicy"]);
        c.Add("deletecollection: a bad dryRun", new ApiRequest(HttpMethod.Delete, path + "&dryRun=Bogus"), BadOrInvalid, ["dryRun"]);
        c.Add("deletecollection: a malformed labelSelector", new ApiRequest(HttpMethod.Delete, $"{c.Route.Collection}?labelSelector={Uri.EscapeDataString("one-of-each in (web")}"), BadRequest, ["parse", "labelSelector"]);
        c.Add("deletecollection: an unknown fieldSelector", new ApiRequest(HttpMethod.Delete, $"{path}&fieldSelector=spec.nothing%3Dx"), BadRequest, ["spec.nothing"]);
    }

    /// <summary>status and finalize: the whole object, of the parent's kind, through a strategy that keeps part of it.</summary>
    private static void SameKindCases(Cases c, JsonObject live)
    {
        var path = c.Route.Object(c.Name);
        if (c.Route.Has("update"))
        {
            var put = (string body) => new ApiRequest(HttpMethod.Put, path, body);
            BodyCases(c, HttpMethod.Put, path, live, streamed: false);
            UpdateCases(c, path, live);
            if (c.Route.Subresource == "status")
            {
                c.Add("a status of the wrong type", put(Set(live, ("status", "three"))), BadOrInvalid, ["status"]);
                if (live["status"]?["replicas"] is not null) c.Add("negative status.replicas", put(Set(live, ("status.replicas", -1))), Invalid, ["status.replicas"]);
            }
            if (c.Route.Subresource == "finalize")
            {
                c.Add("a bad spec.finalizers entry", put(Set(live, ("spec.finalizers", new JsonArray(BadKey)))), Invalid, ["spec.finalizers"]);
                c.Add("spec.finalizers of the wrong type", put(Set(live, ("spec.finalizers", "three"))), BadOrInvalid, ["spec.finalizers"]);
                MetadataCases(c, put, live);
            }
        }
        if (c.Route.Has("patch"))
        {
            PatchCases(c, path, live);
            if (c.Route.Subresource == "status")
                foreach (var type in new[] { MergePatch, StrategicPatch })
                {
                    c.Add($"{type}: a status of the wrong type", new ApiRequest(HttpMethod.Patch, path, Nested(("status", "three")), type), BadOrInvalid, ["status"]);
                    if (live["status"]?["replicas"] is not null)
                        c.Add($"{type}: negative status.replicas", new ApiRequest(HttpMethod.Patch, path, Nested(("status.replicas", -1)), type), Invalid, ["status.replicas"]);
                }
        }
    }

    private static void ScaleCases(Cases c, JsonObject scale)
    {
        var path = c.Route.Object(c.Name);
        if (c.Route.Has("update"))
        {
            BodyCases(c, HttpMethod.Put, path, scale, streamed: false);
            UpdateCases(c, path, scale);
            ReplicasCases(c, body => new ApiRequest(HttpMethod.Put, path, body), scale, "spec.replicas");
        }
        if (c.Route.Has("patch"))
        {
            PatchCases(c, path, scale);
            c.Add("json-patch: negative replicas", new ApiRequest(HttpMethod.Patch, path, """[{"op":"replace","path":"/spec/replicas","value":-1}]""", JsonPatch), Invalid, ["spec.replicas"]);
            foreach (var type in new[] { MergePatch, StrategicPatch })
            {
                c.Add($"{type}: negative replicas", new ApiRequest(HttpMethod.Patch, path, Nested(("spec.replicas", -1)), type), Invalid, ["spec.replicas"]);
                c.Add($"{type}: replicas of the wrong type", new ApiRequest(HttpMethod.Patch, path, Nested(("spec.replicas", "three")), type), BadOrInvalid, ["spec.replicas"]);
            }
        }
    }

    /// <summary>binding and eviction: a create of another kind on the object's path, which acts on the object.</summary>
    private static void CreateOnlyCases(Cases c, string kind)
    {
        var valid = kind switch
        {
            "Binding" => new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Binding", ["metadata"] = new JsonObject { ["name"] = c.Name },
                ["target"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = "node-1" },
            },
            "Eviction" => new JsonObject { ["apiVersion"] = "policy/v1", ["kind"] = "Eviction", ["metadata"] = new JsonObject { ["name"] = c.Name } },
            _ => throw new Xunit.Sdk.XunitException($"{c.Route} creates a {kind}, which {nameof(KubeApiBadInputs)} has no valid body for: add one"),
        };
        var path = c.Route.Object(c.Name);
        var post = (string body) => new ApiRequest(HttpMethod.Post, path, body);
        BodyCases(c, HttpMethod.Post, path, valid, streamed: true);
        c.Add("another name than the URL's", post(Set(valid, ("metadata.name", Other))), BadRequest, [], $"name in URL does not match name in {kind} object");
        if (c.Route.Namespaced)
            c.Add("another namespace than the URL's", post(Set(valid, ("metadata.namespace", "kube-system"))), BadRequest, [], NamespaceMismatch);
        if (kind == "Binding")
        {
            c.Add("no target", post(Set(valid, ("target", new JsonObject()))), Invalid, ["target.name"]);
            c.Add("a target that is not a node", post(Set(valid, ("target.kind", "Pod"))), Invalid, ["target.kind"]);
            c.Add("a target of the wrong type", post(Set(valid, ("target", "node-1"))), BadOrInvalid, ["target"]);
        }
        if (kind == "Eviction")
        {
            c.Add("an unknown propagationPolicy", post(Set(valid, ("deleteOptions", new JsonObject { ["propagationPolicy"] = "Sideways" }))), Invalid, ["propagationPolicy"]);
            c.Add("a stale resourceVersion precondition", post(Set(valid, ("deleteOptions.preconditions.resourceVersion", "1"))), Conflict, ["Precondition failed"]);
            c.Add("gracePeriodSeconds of the wrong type", post(Set(valid, ("deleteOptions.gracePeriodSeconds", "soon"))), BadRequest, ["gracePeriodSeconds"]);
        }
    }

    /// <summary>A copy of <paramref name="source"/> with each dotted path set (made when missing), as JSON text.</summary>
    private static string Set(JsonObject source, params (string Path, JsonNode? Value)[] changes) => With(source, changes).ToJsonString();

    private static string Nested(params (string Path, JsonNode? Value)[] changes) => Set(new JsonObject(), changes);

    private static JsonObject With(JsonObject source, params (string Path, JsonNode? Value)[] changes)
    {
        var copy = source.DeepClone().AsObject();
        foreach (var (path, value) in changes)
        {
            var parts = path.Split('.');
            var at = copy;
            foreach (var part in parts[..^1]) at = (at[part] is JsonObject next ? next : (JsonObject)(at[part] = new JsonObject()));
            at[parts[^1]] = value?.DeepClone();
        }
        return copy;
    }

    /// <summary>The cases of one route, aimed at object <see cref="Name"/> of <see cref="Parent"/> (the route itself, or the resource of a subresource).</summary>
    private sealed class Cases(DiscoveredRoute route, DiscoveredRoute parent, string name)
    {
        public DiscoveredRoute Route => route;
        public DiscoveredRoute Parent => parent;
        public string Name => name;
        public List<BadInput> List { get; } = [];

        /// <summary>Upstream's 409 for an update from a stale read, which names the resource the subresource belongs to.</summary>
        public string ConflictMessage =>
            $"Operation cannot be fulfilled on {parent.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again";

        public string NameMismatch => $"the name of the object ({Other}) does not match the name on the URL ({name})";

        public void Add(string input, ApiRequest request, int[] codes, string[] names, string? message = null) =>
            List.Add(new BadInput(route, input, request, codes, names, message));
    }
}
