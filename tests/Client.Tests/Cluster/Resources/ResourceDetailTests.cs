using System.Xml.Linq;
using Playground.Client.Cluster.Resources;
using Microsoft.AspNetCore.Components;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;

namespace Playground.Client.Tests.Cluster.Resources;

public class ResourceDetailTests
{
    private static Task<XElement> RenderAsync(SandboxForTests sandbox, KubeObject obj, string tab) =>
        Markup.RenderAsync<ResourceDetail>(Parameters(sandbox, obj, tab));

    private static Dictionary<string, object?> Parameters(SandboxForTests sandbox, KubeObject obj, string tab, Func<string, Task<KubectlResult>>? run = null) => new()
    {
        ["Object"] = obj,
        ["Cluster"] = sandbox.Live,
        ["Run"] = run ?? sandbox.RunAsync,
        ["Attempts"] = (Func<string, Task<IReadOnlyList<Services.SchedulingAttemptRecord>>>)sandbox.AttemptsAsync,
        ["InitialTab"] = tab,
        ["OnEdit"] = EventCallback.Factory.Create<KubeObject>(new object(), () => { }),
    };

    private static string[] TabTitles(XElement detail) => detail.SingleWithClass("tab-list").Elements("button").Select(b => b.Text()).ToArray();

    [Fact]
    public async Task Describe_and_yaml_are_what_kubectl_prints()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");
        var web = sandbox.Single("Deployment", "web");

        var describe = await RenderAsync(sandbox, web, "describe");
        var yaml = await RenderAsync(sandbox, web, "yaml");

        Assert.Equal(["Describe", "YAML", "Events", "Owners"], TabTitles(describe));
        Assert.Equal(sandbox.Cluster.Kubectl("kubectl describe deployment web -n default").Output, describe.SingleWithClass("resource-describe").Value);
        Assert.Equal(sandbox.Cluster.Kubectl("kubectl get deployment web -n default -o yaml").Output, yaml.SingleWithClass("resource-yaml").Value);
        Assert.Equal("true", (string?)describe.SingleWithClass("tab-list").Elements("button").First().Attribute("aria-selected"));
    }

    [Fact]
    public async Task A_pod_has_a_scheduling_tab_with_every_nodes_verdict_and_scores()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx").Do("kubectl cordon node-1");
        sandbox.Do("kubectl rollout restart deployment web");
        var pod = sandbox.Live.OfKind("Pod").Single(p => p.Metadata.Namespace == "default" && p.Metadata.DeletionTimestamp is null);

        var detail = await RenderAsync(sandbox, pod, "scheduling");

        Assert.Equal(["Describe", "YAML", "Events", "Owners", "Scheduling"], TabTitles(detail));
        var attempt = detail.WithClass("scheduling-attempt").First();
        var rows = attempt.Descendants("tbody").Elements("tr").ToDictionary(r => r.Element("th")!.Text().Split(' ')[0]);
        Assert.Equal(["node-1", "node-2", "node-3"], rows.Keys.Order());
        Assert.Contains("Rejected by NodeUnschedulable", rows["node-1"].Text());
        Assert.Equal("node(s) were unschedulable", rows["node-1"].SingleWithClass("scheduling-reasons").Text());
        Assert.Empty(rows["node-1"].SingleWithClass("scheduling-total").Text());
        var chosen = Assert.Single(rows.Values, r => r.HasClass("chosen"));
        Assert.Contains("Passed", chosen.Text());
        Assert.Matches("^[0-9]+$", chosen.SingleWithClass("scheduling-total").Text());
        Assert.NotEmpty(chosen.WithClass("scheduling-score"));
        Assert.Contains("bound to " + chosen.Element("th")!.Text().Split(' ')[0], attempt.SingleWithClass("scheduling-title").Text());
    }

    [Fact]
    public async Task The_events_tab_lists_only_the_objects_own_events()
    {
        var sandbox = new SandboxForTests().Do("kubectl run bad --image=nosuchimage").Do("kubectl run good --image=nginx");

        var detail = await RenderAsync(sandbox, sandbox.Single("Pod", "bad"), "events");

        var objects = detail.WithClass("event-object").Select(o => o.Text()).Distinct();
        Assert.Equal(["pod/bad"], objects);
        Assert.Contains(detail.WithClass("event-reason"), r => r.Text() == "Failed");
        Assert.Empty(detail.WithClass("event-filters"));
    }

    [Fact]
    public async Task While_a_tab_loads_it_says_so()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");
        var never = new TaskCompletionSource<KubectlResult>();

        var detail = await Markup.RenderFirstAsync<ResourceDetail>(Parameters(sandbox, sandbox.Single("Deployment", "web"), "describe", _ => never.Task));

        var loading = detail.SingleWithClass("resource-loading");
        Assert.Equal(("status", "Loading…"), ((string?)loading.Attribute("role"), loading.Text()));
    }

    [Fact]
    public async Task A_sandbox_that_cannot_answer_is_an_alert_with_a_way_to_try_again_not_an_exception()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");

        var detail = await Markup.RenderAsync<ResourceDetail>(Parameters(sandbox, sandbox.Single("Deployment", "web"), "describe",
            _ => throw new InvalidOperationException("sandbox abc123 stopped unexpectedly")));

        var problem = detail.SingleWithClass("resource-problem");
        Assert.Equal("alert", (string?)problem.Attribute("role"));
        Assert.StartsWith("This tab could not be loaded: sandbox abc123 stopped unexpectedly", problem.Text());
        Assert.Equal("Try again", problem.Descendants("button").Single().Text());
        Assert.Empty(detail.WithClass("resource-loading"));
    }

    [Fact]
    public async Task A_refused_command_is_shown_as_a_problem_with_kubectls_words()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");
        var web = sandbox.Single("Deployment", "web");
        sandbox.Cluster.Kubectl("kubectl delete deployment web");

        var detail = await RenderAsync(sandbox, web, "yaml");

        Assert.Equal("kubectl get deployment web -n default -o yaml failed: Error from server (NotFound): deployments.apps \"web\" not found",
            detail.SingleWithClass("resource-problem").Element("p")!.Text());
        Assert.Empty(detail.WithClass("resource-yaml"));
    }

    [Fact]
    public async Task A_deleted_object_whose_tab_was_never_loaded_says_so_instead_of_loading_forever()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");
        var parameters = Parameters(sandbox, sandbox.Single("Deployment", "web"), "describe");
        parameters["Deleted"] = true;

        var detail = await Markup.RenderAsync<ResourceDetail>(parameters);

        Assert.Equal("This object was deleted before its description was loaded; its other tabs show what is known.", detail.SingleWithClass("resource-empty").Text());
        Assert.Empty(detail.WithClass("resource-loading"));
        Assert.Contains("deleted", detail.SingleWithClass("status-badge").Text());
    }

    [Fact]
    public async Task A_secrets_yaml_shows_its_keys_and_sizes_never_its_values_and_it_is_not_offered_to_the_editor()
    {
        var sandbox = new SandboxForTests();
        const string manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n";
        Assert.Equal(0, sandbox.Cluster.Kubectl("kubectl apply -f -", manifest).ExitCode);
        sandbox.Do("kubectl get secrets");
        var secret = sandbox.Single("Secret", "db");

        var yaml = await RenderAsync(sandbox, secret, "yaml");
        var describe = await RenderAsync(sandbox, secret, "describe");

        var text = yaml.SingleWithClass("resource-yaml").Value;
        Assert.Contains("  password: (hidden, 7 bytes)\n", text);
        Assert.Contains("kind: Secret", text);
        Assert.Equal("Values are hidden, as kubectl describe secret shows them: each is its size.", yaml.SingleWithClass("resource-note").Text());
        Assert.Contains("password:  7 bytes", describe.SingleWithClass("resource-describe").Value);
        foreach (var shown in new[] { yaml, describe })
        {
            Assert.DoesNotContain("hunter2", shown.ToString());
            Assert.DoesNotContain("aHVudGVyMg", shown.ToString());
            Assert.Empty(shown.WithClass("resource-edit"));
        }
        Assert.Single((await RenderAsync(sandbox, sandbox.Do("kubectl create configmap settings").Single("ConfigMap", "settings"), "yaml")).WithClass("resource-edit"));
    }
}
