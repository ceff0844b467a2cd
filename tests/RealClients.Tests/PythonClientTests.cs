using System.Diagnostics;
using Playground.Server.Tests;

namespace Playground.RealClients.Tests;

/// <summary>The official Python client (Debian's python3-kubernetes) lists, creates, watches and deletes through the sandbox's kubeconfig.</summary>
public sealed class PythonClientTests
{
    [RealClientFact(RealClient.PythonKubernetes)]
    public async Task The_official_python_client_lists_creates_watches_and_deletes_over_verified_tls()
    {
        var python = RealClientTools.PathOf(RealClient.PythonKubernetes);
        await using var server = await PlaygroundServer.StartAsync();
        var (id, token) = await server.CreateSandboxAsync();
        var kubeconfig = await server.KubeconfigFileAsync(id, token);
        try
        {
            var lines = await RunAsync(python, Path.Combine(AppContext.BaseDirectory, "python", "journey.py"), kubeconfig);

            Assert.Equal("verifies ca", lines[0]);
            Assert.Equal("nodes node-1 node-2 node-3", lines[1]);
            Assert.NotEqual("kube-system pods 0", lines[2]);
            Assert.Equal("default pods 0", lines[3]);
            Assert.Equal("created Deployment py True", lines[4]);
            var events = lines.Where(l => l.StartsWith("event ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
            var pods = events.Where(e => e[1] == "ADDED").Select(e => e[2]).ToList();
            Assert.Equal(2, pods.Count);
            Assert.All(pods, pod => Assert.StartsWith("py-", pod));
            Assert.All(pods, pod => Assert.Contains(events, e => e[1] == "MODIFIED" && e[2] == pod && e[3] == "Running"));
            Assert.Equal(["running 2", "deleted py", "untrusted refused"], lines[^3..]);

            // What the Python client created and deleted went through the same API server the terminal reads.
            Assert.Contains("No resources found", await server.KubectlOkAsync(id, token, "kubectl get deploy"));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    private static async Task<string[]> RunAsync(string python, string script, string kubeconfig)
    {
        using var process = Process.Start(new ProcessStartInfo(python, [script, kubeconfig])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
