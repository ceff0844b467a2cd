using System.Net;
using System.Text.Json;
using static Playground.Server.Tests.KubeApiPatchRequests;

namespace Playground.Server.Tests;

/// <summary>PATCH in its four content types over the real HTTPS API: what each does, and the Status for a patch that does not apply.</summary>
public sealed class KubeApiPatchTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string JsonPatch = "application/json-patch+json";
    private const string MergePatch = "application/merge-patch+json";
    private const string StrategicPatch = "application/strategic-merge-patch+json";
    private const string ApplyPatch = "application/apply-patch+yaml";

    [Fact]
    public async Task A_json_patch_runs_its_operations_in_order_and_a_failed_test_writes_nothing()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        var created = await api.CreateDeploymentAsync();

        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, JsonPatch, """
            [{"op":"test","path":"/spec/replicas","value":2},
             {"op":"replace","path":"/spec/replicas","value":4},
             {"op":"add","path":"/metadata/labels/tier","value":"front"},
             {"op":"copy","from":"/metadata/labels/tier","path":"/metadata/labels/copy"},
             {"op":"move","from":"/metadata/labels/copy","path":"/metadata/labels/moved"},
             {"op":"remove","path":"/spec/template/spec/containers/0/env/1"}]
            """));
        var failed = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync(DeploymentPath, JsonPatch,
            """[{"op":"replace","path":"/spec/replicas","value":9},{"op":"test","path":"/spec/replicas","value":1}]"""));
        var missing = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync(DeploymentPath, JsonPatch,
            """[{"op":"remove","path":"/spec/nothing/here"}]"""));
        var notAList = await api.ExpectAsync(HttpStatusCode.BadRequest, api.PatchAsync(DeploymentPath, JsonPatch, """{"op":"remove"}"""));
        var after = await api.GetAsync(DeploymentPath);

        Assert.Equal(4, patched.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("""{"app":"web","tier":"front","moved":"front"}""", patched.GetProperty("metadata").GetProperty("labels").GetRawText());
        Assert.Equal(["A"], Container(patched, "nginx").GetProperty("env").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("Invalid", failed.GetProperty("reason").GetString());
        Assert.Equal("the server rejected our request due to an error in our request", Message(failed));
        Assert.Equal("testing value /spec/replicas failed: test failed", failed.GetProperty("details").GetProperty("causes")[0].GetProperty("message").GetString());
        Assert.Contains("remove operation does not apply: doc is missing path: \"/spec/nothing/here\"", missing.GetProperty("details").GetProperty("causes")[0].GetProperty("message").GetString());
        Assert.Equal("json: cannot unmarshal object into Go value of type jsonpatch.Patch", Message(notAList));
        Assert.Equal(4, after.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(patched.GetProperty("metadata").GetProperty("labels").GetRawText(), after.GetProperty("metadata").GetProperty("labels").GetRawText());
        Assert.Equal(created.GetProperty("metadata").GetProperty("generation").GetInt64() + 1, after.GetProperty("metadata").GetProperty("generation").GetInt64());
    }

    [Fact]
    public async Task A_merge_patch_merges_maps_deletes_nulls_and_replaces_lists_whole()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.CreateDeploymentAsync();

        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, MergePatch, """
            {"metadata":{"labels":{"app":null,"tier":"front"}},
             "spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
            """));

        Assert.Equal("""{"tier":"front"}""", patched.GetProperty("metadata").GetProperty("labels").GetRawText());
        var nginx = Container(patched, "nginx");
        Assert.Equal("nginx:1.27", nginx.GetProperty("image").GetString());
        Assert.False(nginx.TryGetProperty("env", out _), "a merge patch replaces a list, so the container loses its env");
        Assert.Equal(2, patched.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_lists_on_upstreams_keys_and_obeys_its_directives()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.CreateDeploymentAsync();

        var merged = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, StrategicPatch, """
            {"metadata":{"finalizers":["example.com/a"]},
             "spec":{"template":{"spec":{"containers":[
               {"name":"sidecar","image":"busybox"},
               {"name":"nginx","image":"nginx:1.26","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}],"ports":[{"containerPort":443}]}]}}}}
            """));
        var directives = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, StrategicPatch, """
            {"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"finalizers":["example.com/b"]},
             "spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"},
               "template":{"spec":{
                 "$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}],
                 "containers":[{"name":"nginx","env":[{"name":"A","$patch":"delete"}],"ports":[{"$patch":"replace"},{"containerPort":8080}]}]}}}}
            """));
        var noKey = await api.ExpectAsync(HttpStatusCode.BadRequest, api.PatchAsync(DeploymentPath, StrategicPatch,
            """{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}"""));

        var nginx = Container(merged, "nginx");
        Assert.Equal(["nginx", "sidecar"], ContainerNames(merged));
        Assert.Equal("""[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]""", nginx.GetProperty("env").GetRawText());
        Assert.Equal([80, 443], nginx.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()));
        Assert.Equal("""["example.com/b"]""", directives.GetProperty("metadata").GetProperty("finalizers").GetRawText());
        Assert.Equal("""{"type":"Recreate"}""", directives.GetProperty("spec").GetProperty("strategy").GetRawText());
        Assert.Equal(["sidecar", "nginx"], ContainerNames(directives));
        Assert.Equal(["B", "C"], Container(directives, "nginx").GetProperty("env").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal([8080], Container(directives, "nginx").GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()));
        Assert.Equal("""map: {"image":"x"} does not contain declared merge key: name""", Message(noKey));
    }

    [Fact]
    public async Task Patches_that_cannot_apply_get_a_4xx_Status_and_change_nothing()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        var created = await api.CreateDeploymentAsync();
        var version = created.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, MergePatch, """{"spec":{"replicas":3}}"""));

        var stale = await api.ExpectAsync(HttpStatusCode.Conflict, api.PatchAsync(DeploymentPath, MergePatch, $$$"""{"metadata":{"resourceVersion":"{{{version}}}"},"spec":{"replicas":7}}"""));
        var malformed = await api.ExpectAsync(HttpStatusCode.BadRequest, api.PatchAsync(DeploymentPath, StrategicPatch, """{"spec":"""));
        var renamed = await api.ExpectAsync(HttpStatusCode.BadRequest, api.PatchAsync(DeploymentPath, MergePatch, """{"metadata":{"name":"other"}}"""));
        var unknownField = await api.ExpectAsync(HttpStatusCode.BadRequest, api.PatchAsync(DeploymentPath + "?fieldValidation=Strict", MergePatch, """{"spec":{"replicaz":1}}"""));
        var invalid = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync(DeploymentPath, MergePatch, """{"spec":{"replicas":-1}}"""));
        var wrongType = await api.ExpectAsync(HttpStatusCode.UnsupportedMediaType, api.PatchAsync(DeploymentPath, "text/plain", "{}"));
        var absent = await api.ExpectAsync(HttpStatusCode.NotFound, api.PatchAsync("/apis/apps/v1/namespaces/default/deployments/none", MergePatch, "{}"));
        var after = await api.GetAsync(DeploymentPath);

        Assert.Equal("Conflict", stale.GetProperty("reason").GetString());
        Assert.Equal("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again", Message(stale));
        Assert.StartsWith("error decoding patch", Message(malformed));
        Assert.Equal("the name of the object (other) does not match the name on the URL (web)", Message(renamed));
        Assert.Contains("replicaz", Message(unknownField));
        Assert.Contains("spec.replicas: Invalid value: -1", Message(invalid));
        Assert.Contains("application/strategic-merge-patch+json", Message(wrongType));
        Assert.Equal("deployments.apps \"none\" not found", Message(absent));
        Assert.Equal(3, after.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task Server_side_apply_creates_owns_fields_and_refuses_to_take_another_managers_field_unless_forced()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        const string path = DeploymentPath + "?fieldManager=ops";
        var manifest = Deployment.Replace("\"nginx:1.25\"", "\"nginx:1.25\"");

        var noManager = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync(DeploymentPath, ApplyPatch, manifest));
        var created = await api.ExpectAsync(HttpStatusCode.Created, api.PatchAsync(path, ApplyPatch, manifest));
        var again = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(path, ApplyPatch, manifest));
        await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath + "/scale?fieldManager=autoscaler", MergePatch, """{"spec":{"replicas":5}}"""));
        var conflict = await api.ExpectAsync(HttpStatusCode.Conflict, api.PatchAsync(path, ApplyPatch, manifest));
        var sameValue = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(path, ApplyPatch, manifest.Replace("\"replicas\":2", "\"replicas\":5")));
        var dropped = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(path + "&force=true", ApplyPatch,
            manifest.Replace("\"replicas\":2", "\"replicas\":1").Replace(",{\"name\":\"B\",\"value\":\"2\"}", "")));

        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", Message(noManager));
        var entry = created.GetProperty("metadata").GetProperty("managedFields")[0];
        Assert.Equal(("ops", "Apply"), (entry.GetProperty("manager").GetString(), entry.GetProperty("operation").GetString()));
        Assert.True(entry.GetProperty("fieldsV1").GetProperty("f:spec").GetProperty("f:template").GetProperty("f:spec").GetProperty("f:containers")
            .TryGetProperty("k:{\"name\":\"nginx\"}", out _));
        Assert.Equal(created.GetProperty("metadata").GetProperty("generation").GetInt64(), again.GetProperty("metadata").GetProperty("generation").GetInt64());
        Assert.Equal("Apply failed with 1 conflict: conflict with \"autoscaler\" with subresource \"scale\" using apps/v1: .spec.replicas", Message(conflict));
        Assert.Equal(5, sameValue.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(1, dropped.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(["A"], Container(dropped, "nginx").GetProperty("env").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["ops"], dropped.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Select(e => e.GetProperty("manager").GetString()));
    }

    private static IEnumerable<string?> ContainerNames(JsonElement deployment) =>
        deployment.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers").EnumerateArray().Select(c => c.GetProperty("name").GetString());
}
