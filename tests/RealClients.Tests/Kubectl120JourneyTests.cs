using System.Text.Json;
using Playground.Server.Tests;

namespace Playground.RealClients.Tests;

/// <summary>
/// An older kubectl (v1.20, Debian's kubernetes-client) through a learner's journey on one sandbox, with the kubeconfig
/// the server hands out: old clients ask for other things (v1beta1 Tables too, older discovery) and must get them.
/// </summary>
public sealed class Kubectl120JourneyTests
{
    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          labels: {app: api}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
              - name: api
                image: nginx:1.25
                ports:
                - containerPort: 80
        """;

    // kubectl v1.20 validates client-side against /openapi/v2 in its protobuf form.
    private const string Apply = "apply -f";

    [RealClientFact(RealClient.Kubectl120)]
    public async Task Kubectl_1_20_goes_through_a_learners_journey()
    {
        var executable = RealClientTools.PathOf(RealClient.Kubectl120);
        await using var server = await PlaygroundServer.StartAsync();
        var (id, token) = await server.CreateSandboxAsync();
        using var kubectl = await RealKubectl.ForAsync(server, id, token, executable);
        var folder = Directory.CreateTempSubdirectory("kubectl-1.20-").FullName;
        var manifest = Path.Combine(folder, "api.yaml");
        var edited = Path.Combine(folder, "api-edited.yaml");
        await File.WriteAllTextAsync(manifest, Manifest);
        await File.WriteAllTextAsync(edited, Manifest.Replace("replicas: 2", "replicas: 3"));

        var version = await kubectl.OkAsync("version");
        Assert.Contains("Client Version: version.Info{Major:\"1\", Minor:\"20\"", version);
        Assert.Contains("Server Version: version.Info{", version);

        Assert.Equal(
            ["NAME | STATUS | ROLES | AGE | VERSION", "node-1 | Ready | <none> | AGE | v1.32.2", "node-2 | Ready | <none> | AGE | v1.32.2", "node-3 | Ready | <none> | AGE | v1.32.2"],
            RealKubectl.WithoutAges(await kubectl.OkAsync("get nodes")));

        Assert.Equal("deployment.apps/web created\n", await kubectl.OkAsync("create deployment web --image=nginx:1.25 --replicas=2"));
        Assert.Equal("deployment.apps/api created\n", await kubectl.OkAsync($"{Apply} {manifest}"));
        Assert.Equal("deployment.apps/api unchanged\n", await kubectl.OkAsync($"{Apply} {manifest}"));
        Assert.Equal("deployment.apps/api configured\n", await kubectl.OkAsync($"{Apply} {edited}"));
        await RolledOutAsync(kubectl, "api");
        await RolledOutAsync(kubectl, "web");

        var wide = RealKubectl.WithoutAges(await kubectl.OkAsync("get pods -o wide"));
        Assert.Equal("NAME | READY | STATUS | RESTARTS | AGE | IP | NODE | NOMINATED NODE | READINESS GATES", wide[0]);
        Assert.Equal(5, wide.Count - 1);
        Assert.All(wide.Skip(1), row => Assert.Matches(@"^(api|web)-\w+-\w+ \| 1/1 \| Running \| 0 \| AGE \| 10\.244\.\d+\.\d+ \| node-\d \| <none> \| <none>$", row));

        var names = (await kubectl.OkAsync("get pods -l app=api -o name")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, names.Length);
        Assert.All(names, name => Assert.StartsWith("pod/api-", name));
        Assert.Equal("Running Running Running", await kubectl.OkAsync("get pods -l app=api -o jsonpath={.items[*].status.phase}"));
        using (var list = JsonDocument.Parse(await kubectl.OkAsync("get pods -o json")))
        {
            Assert.Equal("List", list.RootElement.GetProperty("kind").GetString());
            Assert.Equal(5, list.RootElement.GetProperty("items").GetArrayLength());
        }
        var yaml = await kubectl.OkAsync("get deployment api -o yaml");
        Assert.Contains("kind: Deployment\n", yaml);
        Assert.Contains("  replicas: 3\n", yaml);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml);

        var described = await kubectl.OkAsync("describe deployment api");
        Assert.Contains("Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable", described);
        Assert.Contains("StrategyType:           RollingUpdate", described);
        Assert.Matches(@"NewReplicaSet:   api-\w+ \(3/3 replicas created\)", described);
        Assert.Matches(@"Normal  ScalingReplicaSet  .+  deployment-controller  Scaled up replica set api-\w+ from 2 to 3", described);

        Assert.Equal("deployment.apps/api scaled\n", await kubectl.OkAsync("scale deployment api --replicas=4"));
        await RolledOutAsync(kubectl, "api");
        Assert.Equal("4", await kubectl.OkAsync("get deployment api -o jsonpath={.status.readyReplicas}"));

        Assert.Equal("deployment.apps/api image updated\n", await kubectl.OkAsync("set image deployment/api api=nginx:1.26"));
        await RolledOutAsync(kubectl, "api");
        Assert.Equal("nginx:1.26 nginx:1.26 nginx:1.26 nginx:1.26", await ImagesAsync(kubectl));
        Assert.Equal(["REVISION | CHANGE-CAUSE", "1 | <none>", "2 | <none>"], History(await kubectl.OkAsync("rollout history deployment/api")));

        Assert.Equal("deployment.apps/api rolled back\n", await kubectl.OkAsync("rollout undo deployment/api"));
        await RolledOutAsync(kubectl, "api");
        Assert.Equal("nginx:1.25 nginx:1.25 nginx:1.25 nginx:1.25", await ImagesAsync(kubectl));
        Assert.Equal(["REVISION | CHANGE-CAUSE", "2 | <none>", "3 | <none>"], History(await kubectl.OkAsync("rollout history deployment/api")));

        var pod = await kubectl.OkAsync("get pods -l app=api -o jsonpath={.items[0].metadata.name}");
        var logs = await kubectl.OkAsync($"logs {pod}");
        Assert.Contains("Configuration complete; ready for start up", logs);
        // The terminal's engine reads the same pod's log, so both must print the same lines.
        Assert.Equal(await server.KubectlOkAsync(id, token, $"kubectl logs {pod}"), logs);

        Assert.Equal("deployment.apps/api labeled\n", await kubectl.OkAsync("label deployment api tier=backend"));
        Assert.Equal("deployment.apps/api annotated\n", await kubectl.OkAsync("annotate deployment api owner=learner"));
        Assert.Equal("backend/learner", await kubectl.OkAsync("get deployment api -o jsonpath={.metadata.labels.tier}/{.metadata.annotations.owner}"));

        Assert.Equal("service/api exposed\n", await kubectl.OkAsync("expose deployment api --port=80 --target-port=80"));
        Assert.Matches(@"^api \| ClusterIP \| 10\.\d+\.\d+\.\d+ \| <none> \| 80/TCP \| AGE$", RealKubectl.WithoutAges(await kubectl.OkAsync("get service api"))[1]);
        await UntilAsync(kubectl, "get endpoints api -o jsonpath={.subsets[*].addresses[*].ip}", ips => ips.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 4);

        // get -w prints the table, then a row per change it watches.
        using (var watch = kubectl.Stream("get deployments -w"))
        {
            await watch.UntilAsync(lines => lines.Any(l => l.StartsWith("api ", StringComparison.Ordinal)));
            await kubectl.OkAsync("scale deployment web --replicas=3");
            await watch.UntilAsync(lines => lines.Count(l => l.StartsWith("web ", StringComparison.Ordinal)) > 1);
        }

        // metrics.k8s.io for top; pods report once they are two minutes old, which the fast clock soon makes them.
        Assert.Equal("NAME | CPU(cores) | CPU% | MEMORY(bytes) | MEMORY%", RealKubectl.WithoutAges(await kubectl.OkAsync("top nodes"))[0]);
        await UntilAsync(kubectl, "top pods --no-headers", rows => rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 4);

        // v1.20 speaks exec only over SPDY, which the API refuses with a message saying what to use instead.
        var exec = await kubectl.RunAsync($"exec {pod} -- hostname");
        Assert.NotEqual(0, exec.ExitCode);
        Assert.Contains("v5.channel.k8s.io", exec.Error);

        Assert.Contains("FIELDS:", await kubectl.OkAsync("explain deployment.spec.strategy"));

        Assert.Equal("node/node-3 cordoned\n", await kubectl.OkAsync("cordon node-3"));
        var drained = await kubectl.OkAsync("drain node-3 --ignore-daemonsets --delete-emptydir-data");
        Assert.Contains("evicting pod default/", drained);
        // v1.20 ends with "node/node-3 evicted" where later versions print "drained".
        Assert.EndsWith("node/node-3 evicted\n", drained);
        await UntilAsync(kubectl, "get pods --field-selector=spec.nodeName=node-3 -n default -o name", pods => pods.Length == 0);
        Assert.Equal("node/node-3 uncordoned\n", await kubectl.OkAsync("uncordon node-3"));

        var events = RealKubectl.WithoutAges(await kubectl.OkAsync("get events"));
        Assert.Equal("LAST SEEN | TYPE | REASON | OBJECT | MESSAGE", events[0]);
        Assert.Contains(events, e => e.Contains("| Normal | Scheduled | pod/api-", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("| Normal | ScalingReplicaSet | deployment/api |", StringComparison.Ordinal));

        Assert.Equal("deployment.apps \"api\" deleted\n", await kubectl.OkAsync("delete deployment api"));
        Assert.Equal("service \"api\" deleted\n", await kubectl.OkAsync("delete service api"));
        await UntilAsync(kubectl, "get pods -l app=api -o name", pods => pods.Length == 0);
        Assert.Equal("deployment.apps/web", (await kubectl.OkAsync("get deployments -o name")).TrimEnd());
        Directory.Delete(folder, recursive: true);
    }

    private static async Task RolledOutAsync(RealKubectl kubectl, string deployment) =>
        Assert.Equal($"deployment \"{deployment}\" successfully rolled out", (await kubectl.OkAsync($"rollout status deployment/{deployment} --timeout=60s")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);

    private static Task<string> ImagesAsync(RealKubectl kubectl) =>
        kubectl.OkAsync("get pods -l app=api -o jsonpath={.items[*].spec.containers[0].image}");

    /// <summary>rollout history's table without its "deployment.apps/api" title.</summary>
    private static IReadOnlyList<string> History(string output) => RealKubectl.WithoutAges(output).Skip(1).ToList();

    /// <summary>Repeats a command until its output satisfies <paramref name="done"/>; the server's fast clock gets there in moments.</summary>
    private static async Task UntilAsync(RealKubectl kubectl, string arguments, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string output;
        while (!done(output = await kubectl.OkAsync(arguments)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"kubectl {arguments} never got there; it last printed:\n{output}");
            await Task.Delay(100);
        }
    }
}
