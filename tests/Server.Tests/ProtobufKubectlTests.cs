using System.Diagnostics;

namespace Playground.Server.Tests;

/// <summary>The real kubectl v1.32 on PATH creates objects through its typed clients, which send protobuf bodies.</summary>
public sealed class ProtobufKubectlTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _kubeconfig = Path.GetTempFileName();

    [Fact]
    public async Task Real_kubectl_creates_every_kind_it_sends_as_protobuf()
    {
        var (id, token) = await fixture.Server.CreateSandboxAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sandboxes/{id}/kubeconfig");
        request.Headers.Authorization = new("Bearer", token);
        var response = await fixture.Server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await File.WriteAllTextAsync(_kubeconfig, await response.Content.ReadAsStringAsync());

        string[][] commands =
        [
            ["create", "deployment", "web", "--image=nginx"],
            ["create", "configmap", "settings", "--from-literal=mode=fast"],
            ["create", "secret", "generic", "password", "--from-literal=key=s3cret"],
            ["create", "namespace", "team-a"],
            ["create", "job", "once", "--image=busybox"],
            ["create", "cronjob", "nightly", "--image=busybox", "--schedule=*/5 * * * *"],
            ["create", "service", "clusterip", "backend", "--tcp=80:8080"],
            ["run", "solo", "--image=nginx"],
            ["expose", "deployment", "web", "--port=80"],
            // `kubectl autoscale` posts an autoscaling/v1 HorizontalPodAutoscaler, a version the API does not serve yet (only v2);
            // the decoder reads it (see ProtobufTests), so this waits for the API, not for protobuf.
            ["create", "poddisruptionbudget", "web-pdb", "--selector=app=web", "--min-available=1"],
            ["create", "serviceaccount", "robot"],
            ["create", "quota", "small", "--hard=pods=10"],
            ["create", "ingress", "site", "--rule=example.com/=backend:80"],
        ];
        foreach (var command in commands)
        {
            var (exitCode, output) = await KubectlAsync(command);
            Assert.True(exitCode == 0, $"kubectl {string.Join(' ', command)} failed: {output}");
        }

        var (code, names) = await KubectlAsync(["get", "deploy,cm,secret,ns,job,cronjob,svc,pod,pdb,sa,quota,ing", "-o", "name"]);
        Assert.Equal(0, code);
        foreach (var name in new[]
        {
            "deployment.apps/web", "configmap/settings", "secret/password", "namespace/team-a", "job.batch/once", "cronjob.batch/nightly",
            "service/backend", "pod/solo", "service/web", "poddisruptionbudget.policy/web-pdb", "serviceaccount/robot", "resourcequota/small",
            "ingress.networking.k8s.io/site",
        })
            Assert.Contains(name, names.Split('\n'));

        // The decoded values are the ones kubectl meant: the image, the secret's bytes, the PDB's minAvailable.
        Assert.Equal("nginx", (await KubectlAsync(["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])).Output);
        Assert.Equal("czNjcmV0", (await KubectlAsync(["get", "secret", "password", "-o", "jsonpath={.data.key}"])).Output);
        Assert.Equal("1", (await KubectlAsync(["get", "pdb", "web-pdb", "-o", "jsonpath={.spec.minAvailable}"])).Output);
    }

    private async Task<(int ExitCode, string Output)> KubectlAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(_kubeconfig);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, (await stdout).Trim() + (await stderr).Trim());
    }

    public void Dispose() => File.Delete(_kubeconfig);
}
