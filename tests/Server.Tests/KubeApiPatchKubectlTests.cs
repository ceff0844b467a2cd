namespace Playground.Server.Tests;

/// <summary>
/// The real kubectl on PATH against a sandbox, for every command that patches or uses a subresource.
/// </summary>
public sealed class KubeApiPatchKubectlTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: NAME
          labels: {app: NAME}
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
                env:
                - {name: MODE, value: slow}
        """;

    [Fact]
    public async Task Apply_scale_label_annotate_set_image_logs_rollout_and_drain_work_as_on_a_real_cluster()
    {
        var api = await KubeApiPatchRequests.ForNewSandboxAsync(fixture.Server);
        using var kubectl = await api.RealKubectlAsync();
        var folder = Directory.CreateTempSubdirectory("kubectl-patch-").FullName;
        var web = Path.Combine(folder, "web.yaml");
        var edited = Path.Combine(folder, "web-edited.yaml");
        var ssa = Path.Combine(folder, "ssa.yaml");
        await File.WriteAllTextAsync(web, Manifest.Replace("NAME", "web"));
        await File.WriteAllTextAsync(edited, Manifest.Replace("NAME", "web").Replace("nginx:1.25", "nginx:1.26").Replace("slow", "fast"));
        await File.WriteAllTextAsync(ssa, Manifest.Replace("NAME", "ssa"));

        Assert.Equal("deployment.apps/web created\n", await kubectl.OkAsync($"apply -f {web}"));
        Assert.Equal("deployment.apps/web unchanged\n", await kubectl.OkAsync($"apply -f {web}"));
        Assert.Equal("deployment.apps/web configured\n", await kubectl.OkAsync($"apply -f {edited}"));
        Assert.Equal("deployment.apps/web scaled\n", await kubectl.OkAsync("scale deploy/web --replicas=3"));
        Assert.Equal("deployment.apps/web labeled\n", await kubectl.OkAsync("label deploy web tier=front"));
        Assert.Equal("deployment.apps/web annotated\n", await kubectl.OkAsync("annotate deploy web owner=team-a"));
        Assert.Equal("deployment.apps/web image updated\n", await kubectl.OkAsync("set image deploy/web nginx=nginx:1.27"));
        Assert.Equal("3/nginx:1.27/fast/front/team-a", await kubectl.OkAsync(
            "get deploy web -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}/{.spec.template.spec.containers[0].env[0].value}/{.metadata.labels.tier}/{.metadata.annotations.owner}"));
        Assert.Contains("successfully rolled out", await kubectl.OkAsync("rollout status deploy/web --timeout=60s"));
        var pod = await kubectl.OkAsync("get pods -l app=web --field-selector=status.phase=Running -o jsonpath={.items[0].metadata.name}");
        // nginx writes only while it starts, so the terminal's engine, reading the same pod, must print the same lines.
        var logs = await kubectl.OkAsync($"logs {pod} --tail=3");
        Assert.Equal(3, logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(await api.KubectlOkAsync($"kubectl logs {pod} --tail=3"), logs);

        Assert.Equal("deployment.apps/ssa serverside-applied\n", await kubectl.OkAsync($"apply --server-side -f {ssa}"));
        Assert.Equal("deployment.apps/ssa serverside-applied\n", await kubectl.OkAsync($"apply --server-side -f {ssa}"));
        await kubectl.OkAsync("scale deploy/ssa --replicas=4");
        var (code, _, error) = await kubectl.RunAsync($"apply --server-side -f {ssa}");
        Assert.Equal(1, code);
        Assert.StartsWith("error: Apply failed with 1 conflict: conflict with \"kubectl\" with subresource \"scale\" using apps/v1: .spec.replicas", error);
        await kubectl.OkAsync($"apply --server-side --force-conflicts -f {ssa}");
        Assert.Equal("2", await kubectl.OkAsync("get deploy ssa -o jsonpath={.spec.replicas}"));

        var drained = await kubectl.OkAsync("drain node-3 --ignore-daemonsets --delete-emptydir-data --force --timeout=60s");
        Assert.EndsWith("node/node-3 drained\n", drained);
        Directory.Delete(folder, recursive: true);
    }
}
