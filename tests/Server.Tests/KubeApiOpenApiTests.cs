using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>/openapi/v2 and /openapi/v3 of a sandbox, fieldValidation on writes, and what the real kubectl does with them (apply with validation, explain).</summary>
public sealed class KubeApiOpenApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
        spec:
          replicas: 2
          selector:
            matchLabels: {app: NAME}
          template:
            metadata:
              labels: {app: NAME}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                ports:
                - containerPort: 80
        """;

    [Fact]
    public async Task The_v3_discovery_lists_one_document_per_group_version_that_describes_its_kinds()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(fixture.Server);
        var root = await api.GetAsync("/openapi/v3");
        var apps = root.GetProperty("paths").GetProperty("apis/apps/v1").GetProperty("serverRelativeURL").GetString()!;
        Assert.StartsWith("/openapi/v3/apis/apps/v1?hash=", apps);
        Assert.True(root.GetProperty("paths").TryGetProperty("api/v1", out _));

        var document = await api.GetAsync(apps);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var deployment = schemas.GetProperty("io.k8s.api.apps.v1.Deployment");
        Assert.Equal("""[{"group":"apps","kind":"Deployment","version":"v1"}]""", deployment.GetProperty("x-kubernetes-group-version-kind").GetRawText());
        var spec = schemas.GetProperty("io.k8s.api.apps.v1.DeploymentSpec");
        Assert.Equal("integer", spec.GetProperty("properties").GetProperty("replicas").GetProperty("type").GetString());
        Assert.Equal("""["selector","template"]""", spec.GetProperty("required").GetRawText());
        var containers = schemas.GetProperty("io.k8s.api.core.v1.PodSpec").GetProperty("properties").GetProperty("containers");
        Assert.Equal("name", containers.GetProperty("x-kubernetes-patch-merge-key").GetString());
        Assert.Equal("containerPort", schemas.GetProperty("io.k8s.api.core.v1.Container").GetProperty("properties").GetProperty("ports").GetProperty("x-kubernetes-patch-merge-key").GetString());
        Assert.True(schemas.GetProperty("io.k8s.apimachinery.pkg.util.intstr.IntOrString").GetProperty("x-kubernetes-int-or-string").GetBoolean());
        Assert.Equal("date-time", schemas.GetProperty("io.k8s.apimachinery.pkg.apis.meta.v1.Time").GetProperty("format").GetString());
        var patch = document.GetProperty("paths").GetProperty("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").GetProperty("patch");
        Assert.Contains(patch.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "fieldValidation");
        Assert.Equal(HttpStatusCode.NotFound, (await api.SendAsync(HttpMethod.Get, "/openapi/v3/apis/nope/v1")).StatusCode);
    }

    [Fact]
    public async Task The_v2_document_is_json_by_default_and_protobuf_when_asked_for_it()
    {
        var (id, token) = await fixture.Server.CreateSandboxAsync();
        var api = new KubeApiPatchRequests(fixture.Server, id, token);
        var v2 = await api.GetAsync("/openapi/v2");
        Assert.Equal("2.0", v2.GetProperty("swagger").GetString());
        Assert.Equal("#/definitions/io.k8s.api.apps.v1.DeploymentSpec",
            v2.GetProperty("definitions").GetProperty("io.k8s.api.apps.v1.Deployment").GetProperty("properties").GetProperty("spec").GetProperty("$ref").GetString());
        Assert.True(v2.GetProperty("paths").TryGetProperty("/api/v1/namespaces/{namespace}/pods/{name}", out _));

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.KubeApiAddress, $"/sandboxes/{id}/openapi/v2"));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
        var protobuf = await fixture.Server.KubeApi.SendAsync(request);
        Assert.Equal("application/com.github.proto-openapi.spec.v2.v1.0+protobuf", protobuf.Content.Headers.ContentType!.MediaType);
        var bytes = await protobuf.Content.ReadAsByteArrayAsync();
        // Field 1 (swagger, length-delimited) = "2.0", then the definitions carry upstream's names.
        Assert.Equal(new byte[] { 0x0a, 3, (byte)'2', (byte)'.', (byte)'0' }, bytes[..5]);
        Assert.Contains("io.k8s.api.apps.v1.Deployment", System.Text.Encoding.UTF8.GetString(bytes));

        var anonymous = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.KubeApiAddress, $"/sandboxes/{id}/openapi/v2"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Server.KubeApi.SendAsync(anonymous)).StatusCode);
    }

    [Fact]
    public async Task Field_validation_strict_refuses_warn_drops_with_a_warning_and_ignore_drops_silently()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(fixture.Server);
        const string path = "/api/v1/namespaces/default/configmaps";
        string Body(string name) => """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME","labelz":{"a":"b"}},"data":{"k":"v"},"dataz":1}""".Replace("NAME", name);

        var strict = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Post, $"{path}?fieldValidation=Strict", Body("strict")));
        Assert.StartsWith("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"", KubeApiPatchRequests.Message(strict));
        await api.ExpectAsync(HttpStatusCode.NotFound, api.SendAsync(HttpMethod.Get, $"{path}/strict"));

        var warned = await api.SendAsync(HttpMethod.Post, $"{path}?fieldValidation=Warn", Body("warned"));
        Assert.Equal(HttpStatusCode.Created, warned.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"dataz\\\"\"", "299 - \"unknown field \\\"metadata.labelz\\\"\""], warned.Headers.GetValues("Warning").Order());
        Assert.Equal("v", (await api.GetAsync($"{path}/warned")).GetProperty("data").GetProperty("k").GetString());

        var ignored = await api.SendAsync(HttpMethod.Post, $"{path}?fieldValidation=Ignore", Body("ignored"));
        Assert.Equal(HttpStatusCode.Created, ignored.StatusCode);
        Assert.False(ignored.Headers.Contains("Warning"));

        var patched = await api.PatchAsync($"{path}/ignored?fieldValidation=Warn", "application/strategic-merge-patch+json", """{"data":{"k":"w"},"binaryDataz":{}}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("299 - \"unknown field \\\"binaryDataz\\\"\"", Assert.Single(patched.Headers.GetValues("Warning")));

        var bad = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Post, $"{path}?fieldValidation=Loud", Body("bad")));
        Assert.Contains("fieldValidation", KubeApiPatchRequests.Message(bad));
    }

    [Fact]
    public async Task Real_kubectl_applies_with_validation_refuses_unknown_fields_and_explains_fields()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(fixture.Server);
        using var kubectl = await api.RealKubectlAsync();
        var folder = Directory.CreateTempSubdirectory("kubectl-openapi-").FullName;
        var web = Path.Combine(folder, "web.yaml");
        var edited = Path.Combine(folder, "edited.yaml");
        var typo = Path.Combine(folder, "typo.yaml");
        var loose = Path.Combine(folder, "loose.yaml");
        await File.WriteAllTextAsync(web, Manifest.Replace("NAME", "web"));
        await File.WriteAllTextAsync(edited, Manifest.Replace("NAME", "web").Replace("nginx:1.25", "nginx:1.26"));
        await File.WriteAllTextAsync(typo, Manifest.Replace("NAME", "typo").Replace("replicas:", "replicaz:"));
        await File.WriteAllTextAsync(loose, Manifest.Replace("NAME", "loose"));

        Assert.Equal("deployment.apps/web created\n", await kubectl.OkAsync($"apply -f {web}"));
        Assert.Equal("deployment.apps/web unchanged\n", await kubectl.OkAsync($"apply -f {web}"));
        Assert.Equal("deployment.apps/web configured\n", await kubectl.OkAsync($"apply -f {edited}"));
        // The patch kubectl computed from our schemas merged the container by name: still one container, now updated.
        Assert.Equal("nginx=nginx:1.26", await kubectl.OkAsync("get deploy web -o jsonpath={range.spec.template.spec.containers[*]}{.name}={.image}{end}"));

        var (code, output, error) = await kubectl.RunAsync($"apply -f {typo}");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"Error from server (BadRequest): error when creating \"{typo}\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replicaz\"\n", error);
        Assert.Equal(1, (await kubectl.RunAsync("get deploy typo")).ExitCode);

        var warned = await kubectl.RunAsync($"apply --validate=warn -f {typo}");
        Assert.Equal((0, "deployment.apps/typo created\n", "Warning: unknown field \"spec.replicaz\"\n"), warned);
        Assert.Equal("deployment.apps/loose created\n", await kubectl.OkAsync($"apply --validate=false -f {loose}"));

        // A List is validated by kubectl itself, against the Swagger 2.0 document it downloads as protobuf.
        var list = Path.Combine(folder, "list.yaml");
        await File.WriteAllTextAsync(list, "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: listed}, data: {a: b}}\n");
        Assert.Equal("configmap/listed created\n", await kubectl.OkAsync($"apply -f {list}"));
        await File.WriteAllTextAsync(list, "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: listed2}, datz: {a: b}}\n");
        var refused = await kubectl.RunAsync($"apply -f {list}");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ValidationError(ConfigMap): unknown field \"datz\" in io.k8s.api.core.v1.ConfigMap", refused.Error);

        var strategy = await kubectl.OkAsync("explain deployment.spec.strategy");
        Assert.StartsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n", strategy);
        Assert.Contains("\nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n", strategy);
        Assert.Contains("\n  type\t<string>\n", strategy);

        var pods = await kubectl.OkAsync("explain pods");
        Assert.StartsWith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n", pods);
        Assert.Contains("\n  spec\t<PodSpec>\n", pods);

        var v2 = await kubectl.OkAsync("explain deployment.spec.strategy --output=plaintext-openapiv2");
        Assert.StartsWith("KIND:     Deployment\nVERSION:  apps/v1\n\nRESOURCE: strategy <Object>\n", v2);

        var recursive = await kubectl.OkAsync("explain deploy --recursive");
        Assert.Contains("\n    selector\t<LabelSelector> -required-\n", recursive);
        Assert.Contains("\n        maxSurge\t<IntOrString>\n", recursive);
        Assert.Contains("\n        containers\t<[]Container> -required-\n", recursive);
    }
}
