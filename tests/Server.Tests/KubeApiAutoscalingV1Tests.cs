using System.Net;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// autoscaling/v1 HorizontalPodAutoscalers beside the stored autoscaling/v2: upstream's conversion both ways (a CPU
/// target as a Resource metric, the rest in autoscaling.alpha.kubernetes.io annotations), every verb at v1, discovery,
/// OpenAPI, and real kubectl autoscale (which posts v1 protobuf) and apply of a v1 manifest.
/// </summary>
public sealed class KubeApiAutoscalingV1Tests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string V1 = "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers";
    private const string V2 = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";

    private const string V1Hpa = """
        {"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"maxReplicas":4,"targetCPUUtilizationPercentage":60}}
        """;

    private const string V2Hpa = """
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","annotations":{"team":"a"}},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":2,"maxReplicas":6,
          "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}},
                     {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"100Mi"}}},
                     {"type":"Pods","pods":{"metric":{"name":"packets-per-second"},"target":{"type":"AverageValue","averageValue":"1k"}}}],
          "behavior":{"scaleDown":{"stabilizationWindowSeconds":60,"policies":[{"type":"Pods","value":1,"periodSeconds":60}]}}}}
        """;

    private PlaygroundServer Server => fixture.Server;

    [Fact]
    public async Task An_HPA_created_at_v1_is_stored_as_v2_and_reads_back_the_same_at_v1()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);

        var created = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, V1, V1Hpa));
        var v2 = await api.GetAsync($"{V2}/web");
        var v1 = await api.GetAsync($"{V1}/web");
        var bare = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, V1,
            """{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"bare"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":2}}"""));

        Assert.Equal("autoscaling/v1", created.GetProperty("apiVersion").GetString());
        Assert.Equal(60, created.GetProperty("spec").GetProperty("targetCPUUtilizationPercentage").GetInt32());
        Assert.Equal(1, created.GetProperty("spec").GetProperty("minReplicas").GetInt32());
        Assert.Equal("autoscaling/v2", v2.GetProperty("apiVersion").GetString());
        Assert.Equal("""[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":60}}}]""",
            v2.GetProperty("spec").GetProperty("metrics").GetRawText());
        Assert.False(v2.GetProperty("metadata").TryGetProperty("annotations", out _));
        Assert.Equal(created.GetProperty("spec").GetRawText(), v1.GetProperty("spec").GetRawText());
        // v1 without a target always meant 80% CPU; the conversion writes that down.
        Assert.Equal(80, bare.GetProperty("spec").GetProperty("targetCPUUtilizationPercentage").GetInt32());
    }

    [Fact]
    public async Task What_v1_cannot_hold_rides_in_annotations_and_survives_a_v1_update()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, V2, V2Hpa));

        var v1 = await api.GetAsync($"{V1}/web");
        var annotations = v1.GetProperty("metadata").GetProperty("annotations");
        var updated = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, $"{V1}/web", v1.GetRawText().Replace("\"maxReplicas\":6", "\"maxReplicas\":7")));
        var v2 = await api.GetAsync($"{V2}/web");

        Assert.Equal(50, v1.GetProperty("spec").GetProperty("targetCPUUtilizationPercentage").GetInt32());
        Assert.Equal("a", annotations.GetProperty("team").GetString());
        Assert.Equal("""[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}},{"type":"Pods","pods":{"metricName":"packets-per-second","targetAverageValue":"1k"}}]""",
            annotations.GetProperty("autoscaling.alpha.kubernetes.io/metrics").GetString());
        Assert.Equal("""{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":null,"Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":60}]}}""",
            annotations.GetProperty("autoscaling.alpha.kubernetes.io/behavior").GetString());
        Assert.Equal(7, updated.GetProperty("spec").GetProperty("maxReplicas").GetInt32());

        var spec = v2.GetProperty("spec");
        Assert.Equal(7, spec.GetProperty("maxReplicas").GetInt32());
        Assert.Equal(["memory/AverageValue", "packets-per-second/AverageValue", "cpu/Utilization"], spec.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("type").GetString() switch
        {
            "Resource" => $"{m.GetProperty("resource").GetProperty("name").GetString()}/{m.GetProperty("resource").GetProperty("target").GetProperty("type").GetString()}",
            _ => $"{m.GetProperty("pods").GetProperty("metric").GetProperty("name").GetString()}/{m.GetProperty("pods").GetProperty("target").GetProperty("type").GetString()}",
        }));
        Assert.Equal(60, spec.GetProperty("behavior").GetProperty("scaleDown").GetProperty("stabilizationWindowSeconds").GetInt32());
        Assert.Equal("""{"team":"a"}""", v2.GetProperty("metadata").GetProperty("annotations").GetRawText());
    }

    [Fact]
    public async Task Status_shows_at_v1_with_current_metrics_and_conditions_in_annotations()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        var api = new KubeApiPatchRequests(Server, id, token);
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"paused": true}""");
        await Server.KubectlOkAsync(id, token, "kubectl apply -f -", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    resources:
                      requests: {cpu: 100m}
            """);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, V1, V1Hpa));
        await ClockApiTests.ClockOkAsync(Server, id, token, """{"advance": "2m"}""");

        var v1 = await api.GetAsync($"{V1}/web");
        var v2 = await api.GetAsync($"{V2}/web");

        var status = v1.GetProperty("status");
        Assert.Equal(v2.GetProperty("status").GetProperty("currentReplicas").GetInt32(), status.GetProperty("currentReplicas").GetInt32());
        var current = v2.GetProperty("status").GetProperty("currentMetrics")[0].GetProperty("resource").GetProperty("current");
        Assert.Equal(current.GetProperty("averageUtilization").GetInt32(), status.GetProperty("currentCPUUtilizationPercentage").GetInt32());
        var annotations = v1.GetProperty("metadata").GetProperty("annotations");
        Assert.Equal($$$"""[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":{{{current.GetProperty("averageUtilization").GetInt32()}}},"currentAverageValue":"{{{current.GetProperty("averageValue").GetString()}}}"}}]""",
            annotations.GetProperty("autoscaling.alpha.kubernetes.io/current-metrics").GetString());
        var conditions = JsonDocument.Parse(annotations.GetProperty("autoscaling.alpha.kubernetes.io/conditions").GetString()!).RootElement;
        Assert.Equal(v2.GetProperty("status").GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("type").GetString()),
            conditions.EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Contains("AbleToScale", conditions.EnumerateArray().Select(c => c.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task List_patch_watch_and_delete_speak_v1()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, V2, V2Hpa));
        var list = await api.GetAsync(V1);
        var rv = list.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = await api.SendStreamingAsync($"{V1}?watch=true&resourceVersion={rv}&timeoutSeconds=3", cancel.Token);

        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync($"{V1}/web", "application/merge-patch+json", """{"spec":{"targetCPUUtilizationPercentage":55}}"""));
        var events = (await watch.Content.ReadAsStringAsync(cancel.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        var v2 = await api.GetAsync($"{V2}/web");
        var deleted = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Delete, $"{V1}/web"));

        Assert.Equal(("HorizontalPodAutoscalerList", "autoscaling/v1"), (list.GetProperty("kind").GetString(), list.GetProperty("apiVersion").GetString()));
        Assert.Equal(["autoscaling/v1"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("apiVersion").GetString()));
        Assert.Equal(55, patched.GetProperty("spec").GetProperty("targetCPUUtilizationPercentage").GetInt32());
        Assert.Contains("\"memory\"", patched.GetProperty("metadata").GetProperty("annotations").GetProperty("autoscaling.alpha.kubernetes.io/metrics").GetString());
        var modified = events.First(e => e.GetProperty("type").GetString() == "MODIFIED").GetProperty("object");
        Assert.Equal(("autoscaling/v1", 55), (modified.GetProperty("apiVersion").GetString(), modified.GetProperty("spec").GetProperty("targetCPUUtilizationPercentage").GetInt32()));
        Assert.Equal(3, v2.GetProperty("spec").GetProperty("metrics").GetArrayLength());
        Assert.Equal(55, v2.GetProperty("spec").GetProperty("metrics").EnumerateArray()
            .Single(m => m.TryGetProperty("resource", out var r) && r.GetProperty("name").GetString() == "cpu").GetProperty("resource").GetProperty("target").GetProperty("averageUtilization").GetInt32());
        Assert.Equal("autoscaling/v1", deleted.GetProperty("apiVersion").GetString());
    }

    [Fact]
    public async Task A_v1_endpoint_decodes_its_body_strictly_as_v1()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);

        var refused = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Post, $"{V1}?fieldValidation=Strict",
            V1Hpa.Replace("\"maxReplicas\":4", "\"maxReplicas\":4,\"metrics\":[]")));
        var otherVersion = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Post, V1, V2Hpa));
        var list = await api.GetAsync(V2);

        Assert.Equal("HorizontalPodAutoscaler in version \"v1\" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field \"spec.metrics\"",
            KubeApiPatchRequests.Message(refused));
        Assert.StartsWith("the API version in the data (autoscaling/v2) does not match the expected API version (autoscaling/v1)", KubeApiPatchRequests.Message(otherVersion));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Discovery_and_OpenAPI_serve_autoscaling_v2_preferred_and_v1()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(Server);

        var groups = await api.GetAsync("/apis");
        var v1 = await api.GetAsync("/apis/autoscaling/v1");
        var v3Root = await api.GetAsync("/openapi/v3");
        var v3 = await api.GetAsync(v3Root.GetProperty("paths").GetProperty("apis/autoscaling/v1").GetProperty("serverRelativeURL").GetString()!);
        var v2Document = await api.GetAsync("/openapi/v2");

        var autoscaling = groups.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "autoscaling");
        Assert.Equal(["autoscaling/v2", "autoscaling/v1"], autoscaling.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("groupVersion").GetString()));
        Assert.Equal("v2", autoscaling.GetProperty("preferredVersion").GetProperty("version").GetString());
        Assert.Equal(["horizontalpodautoscalers", "horizontalpodautoscalers/status"], v1.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var schema = v3.GetProperty("components").GetProperty("schemas").GetProperty("io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec");
        Assert.True(schema.GetProperty("properties").TryGetProperty("targetCPUUtilizationPercentage", out _));
        Assert.Equal("v1", v2Document.GetProperty("definitions").GetProperty("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler")
            .GetProperty("x-kubernetes-group-version-kind")[0].GetProperty("version").GetString());
        Assert.True(v2Document.GetProperty("paths").TryGetProperty("/apis/autoscaling/v1/namespaces/{namespace}/horizontalpodautoscalers/{name}", out _));
    }

    [Fact]
    public async Task Real_kubectl_autoscales_gets_and_applies_v1_manifests_as_the_terminal_does()
    {
        var (id, token) = await Server.CreateSandboxAsync();
        await Server.KubectlOkAsync(id, token, "kubectl create deployment web --image=nginx --replicas=2");
        using var kubectl = await RealKubectl.ForAsync(Server, id, token);
        var manifest = Path.Combine(Path.GetTempPath(), $"hpa-{Guid.NewGuid():N}.yaml");
        const string Manifest = """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata:
              name: NAME
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 1
              maxReplicas: 3
              targetCPUUtilizationPercentage: 70
            """;
        try
        {
            var autoscaled = await kubectl.OkAsync("autoscale deployment web --min=2 --max=5 --cpu-percent=80");
            await File.WriteAllTextAsync(manifest, Manifest.Replace("NAME", "api"));
            var created = await kubectl.OkAsync($"apply -f {manifest}");
            var unchanged = await kubectl.OkAsync($"apply -f {manifest}");
            await File.WriteAllTextAsync(manifest, Manifest.Replace("NAME", "api").Replace("70", "75"));
            var configured = await kubectl.OkAsync($"apply -f {manifest}");
            var engineCreated = await Server.KubectlOkAsync(id, token, "kubectl apply -f -", Manifest.Replace("NAME", "eng"));
            var engineUnchanged = await Server.KubectlOkAsync(id, token, "kubectl apply -f -", Manifest.Replace("NAME", "eng"));
            var real = await kubectl.OkAsync("get hpa");
            var engine = await Server.KubectlOkAsync(id, token, "kubectl get hpa");
            const string DryRun = "autoscale deployment web --name=dry --max=5 --cpu-percent=80 --dry-run=client -o yaml";
            var realDryRun = await kubectl.OkAsync(DryRun);
            var engineDryRun = await Server.KubectlOkAsync(id, token, "kubectl " + DryRun);

            Assert.Equal("horizontalpodautoscaler.autoscaling/web autoscaled\n", autoscaled);
            Assert.Equal(("horizontalpodautoscaler.autoscaling/api created\n", "horizontalpodautoscaler.autoscaling/api unchanged\n", "horizontalpodautoscaler.autoscaling/api configured\n"),
                (created, unchanged, configured));
            Assert.Equal(("horizontalpodautoscaler.autoscaling/eng created\n", "horizontalpodautoscaler.autoscaling/eng unchanged\n"), (engineCreated, engineUnchanged));
            Assert.Equal(RealKubectl.WithoutAges(engine), RealKubectl.WithoutAges(real));
            Assert.Contains("cpu: <unknown>/75%", real);
            Assert.Equal(realDryRun, engineDryRun);
            Assert.Contains("targetCPUUtilizationPercentage: 80", realDryRun);
            Assert.Equal("80", await kubectl.OkAsync("get hpa web -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}"));
        }
        finally
        {
            File.Delete(manifest);
        }
    }
}
