using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Playground.Server.Tests.KubeApiPatchRequests;

namespace Playground.Server.Tests;

/// <summary>The status, scale, binding, eviction and log subresources over the real HTTPS API.</summary>
public sealed class KubeApiSubresourceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string MergePatch = "application/merge-patch+json";
    private const string PodsPath = "/api/v1/namespaces/default/pods";

    [Fact]
    public async Task Status_writes_change_only_the_status()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        // A pod no scheduler takes has no kubelet either, so nothing else writes its status meanwhile.
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"idle"},"spec":{"schedulerName":"my-scheduler","containers":[{"name":"c","image":"nginx"}]}}"""));
        const string status = PodsPath + "/idle/status";

        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(status, MergePatch,
            """{"spec":{"activeDeadlineSeconds":5},"status":{"message":"patched"}}"""));
        var read = await api.GetAsync(status);
        var put = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, status, read.GetRawText().Replace("\"patched\"", "\"put\"")));
        var pod = await api.GetAsync(PodsPath + "/idle");
        var noStatus = await api.ExpectAsync(HttpStatusCode.NotFound, api.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/x/status"));

        Assert.False(patched.GetProperty("spec").TryGetProperty("activeDeadlineSeconds", out _), "a status write leaves the spec alone");
        Assert.Equal(("Pod", "patched"), (read.GetProperty("kind").GetString(), read.GetProperty("status").GetProperty("message").GetString()));
        Assert.Equal("put", put.GetProperty("status").GetProperty("message").GetString());
        Assert.Equal("put", pod.GetProperty("status").GetProperty("message").GetString());
        Assert.Equal("the server could not find the requested resource", Message(noStatus));
    }

    [Fact]
    public async Task Scale_reads_and_writes_the_replicas_as_an_autoscaling_v1_Scale()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.CreateDeploymentAsync();
        const string scale = DeploymentPath + "/scale";

        var read = await api.GetAsync(scale);
        var patched = await api.ExpectAsync(HttpStatusCode.OK, api.PatchAsync(scale, MergePatch, """{"spec":{"replicas":3}}"""));
        var put = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, scale,
            """{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":4}}"""));
        var stale = await api.ExpectAsync(HttpStatusCode.Conflict, api.SendAsync(HttpMethod.Put, scale,
            """{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"web","resourceVersion":"1"},"spec":{"replicas":6}}"""));
        var negative = await api.ExpectAsync(HttpStatusCode.UnprocessableEntity, api.PatchAsync(scale, MergePatch, """{"spec":{"replicas":-1}}"""));
        var notScalable = await api.ExpectAsync(HttpStatusCode.NotFound, api.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/x/scale"));
        var deployment = await api.GetAsync(DeploymentPath);

        Assert.Equal(("Scale", "autoscaling/v1"), (read.GetProperty("kind").GetString(), read.GetProperty("apiVersion").GetString()));
        Assert.Equal(2, read.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("app=web", read.GetProperty("status").GetProperty("selector").GetString());
        Assert.Equal(3, patched.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(4, put.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal("Conflict", stale.GetProperty("reason").GetString());
        Assert.Equal("Scale.autoscaling \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0", Message(negative));
        Assert.Equal("NotFound", notScalable.GetProperty("reason").GetString());
        Assert.Equal(4, deployment.GetProperty("spec").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task Binding_puts_a_pod_on_a_node_once()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"manual"},"spec":{"schedulerName":"my-scheduler","containers":[{"name":"c","image":"nginx"}]}}"""));
        const string binding = """{"apiVersion":"v1","kind":"Binding","metadata":{"name":"manual"},"target":{"apiVersion":"v1","kind":"Node","name":"node-2"}}""";

        var bound = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath + "/manual/binding", binding));
        var twice = await api.ExpectAsync(HttpStatusCode.Conflict, api.SendAsync(HttpMethod.Post, PodsPath + "/manual/binding", binding));
        var pod = await api.GetAsync(PodsPath + "/manual");

        Assert.Equal("Success", bound.GetProperty("status").GetString());
        Assert.Equal("Operation cannot be fulfilled on pods/binding \"manual\": pod manual is already assigned to node \"node-2\"", Message(twice));
        Assert.Equal("node-2", pod.GetProperty("spec").GetProperty("nodeName").GetString());
    }

    [Fact]
    public async Task Eviction_deletes_a_pod_unless_its_disruption_budget_forbids_it()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        foreach (var (name, app) in new[] { ("free", "free"), ("kept", "kept") })
            await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath,
                $$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","labels":{"app":"{{{app}}}"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}"""));
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
            """{"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"keep"},"spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"kept"}}}}"""));
        await api.KubectlUntilAsync("kubectl get pods", output => output.Split('\n').Count(l => l.Contains("Running")) == 2);
        await api.KubectlUntilAsync("kubectl get pdb keep -o jsonpath={.status.currentHealthy}/{.status.disruptionsAllowed}", output => output == "1/0");

        var evicted = await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath + "/free/eviction",
            """{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"free"},"deleteOptions":{"gracePeriodSeconds":0}}"""));
        var refused = await api.ExpectAsync(HttpStatusCode.TooManyRequests, api.SendAsync(HttpMethod.Post, PodsPath + "/kept/eviction",
            """{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"kept"}}"""));
        var wrongName = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Post, PodsPath + "/kept/eviction",
            """{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"other"}}"""));

        Assert.Equal("Success", evicted.GetProperty("status").GetString());
        Assert.Equal("Cannot evict pod as it would violate the pod's disruption budget.", Message(refused));
        Assert.Equal("name in URL does not match name in Eviction object", Message(wrongName));
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Get, PodsPath + "/kept"));
    }

    [Fact]
    public async Task Finalize_alone_changes_a_namespaces_finalizers_and_emptying_them_lets_a_terminating_namespace_go()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"held"}}"""));
        var created = await api.GetAsync("/api/v1/namespaces/held");
        const string finalize = "/api/v1/namespaces/held/finalize";
        static string With(JsonElement ns, params string[] finalizers)
        {
            var node = JsonNode.Parse(ns.GetRawText())!;
            node["spec"]!["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
            return node.ToJsonString();
        }

        var updated = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, "/api/v1/namespaces/held", With(created, "kubernetes", "example.com/hold")));
        var finalized = await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, finalize, With(updated, "kubernetes", "example.com/hold")));
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/held"));
        var terminating = await api.GetAsync("/api/v1/namespaces/held");
        await api.ExpectAsync(HttpStatusCode.OK, api.SendAsync(HttpMethod.Put, finalize, With(terminating)));
        var gone = await api.ExpectAsync(HttpStatusCode.NotFound, api.SendAsync(HttpMethod.Get, "/api/v1/namespaces/held"));

        Assert.Equal("""["kubernetes"]""", updated.GetProperty("spec").GetProperty("finalizers").GetRawText());
        Assert.Equal("""["kubernetes","example.com/hold"]""", finalized.GetProperty("spec").GetProperty("finalizers").GetRawText());
        // The namespace controller takes its own "kubernetes" finalizer off; the other one holds the namespace until finalize empties it.
        Assert.Equal("""["example.com/hold"]""", terminating.GetProperty("spec").GetProperty("finalizers").GetRawText());
        Assert.Equal("Terminating", terminating.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal("namespaces \"held\" not found", Message(gone));
    }

    [Fact]
    public async Task Log_returns_the_containers_lines_and_follow_streams_new_ones()
    {
        var api = await ForNewSandboxAsync(fixture.Server);
        await api.ExpectAsync(HttpStatusCode.Created, api.SendAsync(HttpMethod.Post, PodsPath,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"ticker"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sh","-c","while true; do echo tick; sleep 1; done"]}]}}"""));
        await api.KubectlUntilAsync("kubectl get pod ticker", output => output.Contains("Running"));
        await api.KubectlUntilAsync("kubectl logs ticker", output => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3);

        var all = await api.SendAsync(HttpMethod.Get, PodsPath + "/ticker/log");
        var tail = await (await api.SendAsync(HttpMethod.Get, PodsPath + "/ticker/log?tailLines=1&timestamps=true")).Content.ReadAsStringAsync();
        var badContainer = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Get, PodsPath + "/ticker/log?container=nope"));
        var noPrevious = await api.ExpectAsync(HttpStatusCode.BadRequest, api.SendAsync(HttpMethod.Get, PodsPath + "/ticker/log?previous=true"));

        Assert.Equal("text/plain", all.Content.Headers.ContentType?.MediaType);
        Assert.All((await all.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n'), line => Assert.Equal("tick", line));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000000Z tick\n$", tail);
        Assert.Equal("container nope is not valid for pod ticker", Message(badContainer));
        Assert.Equal("previous terminated container \"c\" in pod \"ticker\" not found", Message(noPrevious));

        // The clock runs at 60x, so a second of real time brings about sixty new lines to an open follow.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await (await api.SendStreamingAsync(PodsPath + "/ticker/log?follow=true&tailLines=0", cancel.Token)).Content.ReadAsStreamAsync(cancel.Token);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (received.ToString().Split('\n').Length < 5) received.Append(Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer, cancel.Token)));
        Assert.StartsWith("tick\ntick\ntick\ntick\n", received.ToString());
    }
}
