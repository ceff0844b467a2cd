using System.Net;
using System.Text.Json;
using static Playground.Server.Tests.KubeApiPatchRequests;

namespace Playground.Server.Tests;

/// <summary>metadata.managedFields on every write (create, update, patch), and server-side apply's conflicts with the managers those writes recorded.</summary>
public sealed class KubeApiManagedFieldsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string ApplyPatch = "application/apply-patch+yaml";
    private const string MergePatch = "application/merge-patch+json";

    [Fact]
    public async Task Creates_updates_and_patches_record_their_manager_and_apply_conflicts_with_them()
    {
        var api = await ForNewSandboxAsync(fixture.Server);

        var created = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, Deployments + "?fieldManager=ci", Deployment));
        var updated = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, DeploymentPath + "?fieldManager=editor", ForPut(await api.GetAsync(DeploymentPath), 3)));
        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath, MergePatch, """{"metadata":{"labels":{"tier":"front"}}}"""));
        var conflict = await api.ExpectAsync(HttpStatusCode.Conflict, api.PatchAsync(DeploymentPath + "?fieldManager=ops", ApplyPatch,
            Deployment.Replace("\"replicas\":2", "\"replicas\":5").Replace("nginx:1.25", "nginx:1.27")));
        var forced = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(DeploymentPath + "?fieldManager=ops&force=true", ApplyPatch,
            Deployment.Replace("\"replicas\":2", "\"replicas\":5")));

        var ci = Entry(created, "ci");
        Assert.Equal(("Update", "apps/v1", "FieldsV1"), (ci.GetProperty("operation").GetString(), ci.GetProperty("apiVersion").GetString(), ci.GetProperty("fieldsType").GetString()));
        Assert.True(Fields(ci).GetProperty("f:spec").TryGetProperty("f:replicas", out _));
        Assert.True(Fields(ci).GetProperty("f:metadata").GetProperty("f:labels").TryGetProperty("f:app", out _));
        // A PUT without managedFields keeps the live ones and takes only the fields it changed.
        Assert.False(Fields(Entry(updated, "ci")).GetProperty("f:spec").TryGetProperty("f:replicas", out _));
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Fields(Entry(updated, "editor")).GetRawText());
        // Without ?fieldManager= the manager is the User-Agent's program name.
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:tier":{}}}}""", Fields(Entry(patched, "kubectl")).GetRawText());
        Assert.Equal("""Apply failed with 2 conflicts: conflicts with "ci" using apps/v1:""" + "\n"
            + """- .spec.template.spec.containers[name="nginx"].image""" + "\n"
            + """conflicts with "editor" using apps/v1:""" + "\n- .spec.replicas", Message(conflict));
        Assert.Equal(5, forced.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.False(Managers(forced).Contains("editor"), "the forced apply took the editor's only field");
        Assert.Equal(["ci", "kubectl", "ops"], Managers(forced).Order());
    }

    [Fact]
    public async Task The_field_manager_comes_from_the_user_agent_and_bad_managers_or_force_on_a_plain_patch_are_refused()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        var longName = new string('m', 129);

        var byAgent = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"metadata":{"name":"tool"},"data":{"a":"1"}}""", userAgent: "my-tool/2.1 (linux/amd64)"));
        var tooLong = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldManager=" + longName, """{"metadata":{"name":"long"}}"""));
        var longPatch = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync("/api/v1/namespaces/default/configmaps/tool?fieldManager=" + longName, MergePatch, "{}"));
        var unprintable = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/tool?fieldManager=a%09b", """{"metadata":{"name":"tool"}}"""));
        var force = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync("/api/v1/namespaces/default/configmaps/tool?force=true", MergePatch, """{"data":{"a":"2"}}"""));
        var reset = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync("/api/v1/namespaces/default/configmaps/tool", MergePatch, """{"metadata":{"managedFields":[{}]}}"""));
        var after = await api.GetAsync("/api/v1/namespaces/default/configmaps/tool");

        Assert.Equal("""{"f:data":{"f:a":{}}}""", Fields(Entry(byAgent, "my-tool")).GetRawText());
        Assert.Equal("CreateOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be more than 128 bytes", Message(tooLong));
        Assert.Equal("fieldManager", tooLong.GetProperty("details").GetProperty("causes")[0].GetProperty("field").GetString());
        Assert.StartsWith("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long", Message(longPatch));
        Assert.Equal("UpdateOptions.meta.k8s.io \"\" is invalid: fieldManager: Invalid value: \"a\\tb\": invalid character U+0009 (at position 1)", Message(unprintable));
        Assert.Equal("PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch", Message(force));
        Assert.False(reset.GetProperty("metadata").TryGetProperty("managedFields", out _), "[{}] resets managedFields");
        Assert.Equal("1", after.GetProperty("data").GetProperty("a").GetString());
    }

    [Fact]
    public async Task Real_kubectl_create_then_server_side_apply_conflicts_with_kubectl_create_until_forced()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        using var kubectl = await api.RealKubectlAsync();
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("kubectl-managed-").FullName, "web.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.25
            """);

        await kubectl.OkAsync("create deployment web --image=nginx:1.25 --replicas=2");
        var shown = await kubectl.OkAsync("get deploy web -o yaml --show-managed-fields");
        var hidden = await kubectl.OkAsync("get deploy web -o yaml");
        var (code, _, error) = await kubectl.RunAsync($"apply --server-side -f {manifest}");
        var forced = await kubectl.OkAsync($"apply --server-side --force-conflicts -f {manifest}");
        await kubectl.OkAsync("label deploy web tier=front");
        var labeled = JsonDocument.Parse(await kubectl.OkAsync("get deploy web -o json --show-managed-fields")).RootElement;

        Assert.Contains("manager: kubectl-create", shown);
        Assert.Contains("operation: Update", shown);
        Assert.DoesNotContain("managedFields", hidden);
        Assert.Equal(1, code);
        Assert.StartsWith("error: Apply failed with 1 conflict: conflict with \"kubectl-create\" using apps/v1: .spec.replicas", error);
        Assert.Equal("deployment.apps/web serverside-applied\n", forced);
        Assert.Equal(["kubectl/Apply", "kubectl-create/Update", "kubectl-label/Update"],
            labeled.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Select(e => $"{e.GetProperty("manager").GetString()}/{e.GetProperty("operation").GetString()}"));
        Assert.True(Fields(Entry(labeled, "kubectl")).GetProperty("f:spec").TryGetProperty("f:replicas", out _));
        Assert.False(Fields(Entry(labeled, "kubectl-create")).GetProperty("f:spec").TryGetProperty("f:replicas", out _));
        Assert.Equal("3", await kubectl.OkAsync("get deploy web -o jsonpath={.spec.replicas}"));
        Directory.Delete(Path.GetDirectoryName(manifest)!, recursive: true);
    }

    /// <summary>The live object as a PUT body without managedFields and resourceVersion (an unconditional update: the controllers write too).</summary>
    private static string ForPut(JsonElement live, int replicas)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(live.GetRawText())!.AsObject();
        node["metadata"]!.AsObject().Remove("managedFields");
        node["metadata"]!.AsObject().Remove("resourceVersion");
        node["spec"]!["replicas"] = replicas;
        return node.ToJsonString();
    }

    private static JsonElement Entry(JsonElement obj, string manager) =>
        obj.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Single(e => e.GetProperty("manager").GetString() == manager);

    private static JsonElement Fields(JsonElement entry) => entry.GetProperty("fieldsV1");

    private static List<string?> Managers(JsonElement obj) =>
        [.. obj.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Select(e => e.GetProperty("manager").GetString())];
}
