using Playground.Core.Api.Core;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Networking;

/// <summary>A cluster with a 3-replica whoami deployment exposed as "web", and client pods to exec from (nginx has curl, busybox has wget and nslookup).</summary>
internal static class NetworkScenario
{
    public const string Clients = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: client
        spec:
          containers:
          - name: nginx
            image: nginx
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: box
        spec:
          containers:
          - name: box
            image: busybox
            command: ["sleep", "3600"]
        """;

    public static SimulatedCluster Create(string exposeFlags = "--port=80")
    {
        var cluster = TestCluster.Create();
        Run(cluster, "kubectl create deployment web --image=traefik/whoami --replicas=3");
        Run(cluster, $"kubectl expose deployment web {exposeFlags}");
        Run(cluster, "kubectl apply -f -", Clients);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));
        return cluster;
    }

    public static string Run(SimulatedCluster cluster, string line, string? stdin = null)
    {
        var result = cluster.Kubectl(line, stdin);
        Assert.True(result.ExitCode == 0, $"{line} failed: {result.Output}");
        return result.Output;
    }

    public static List<Pod> WebPods(SimulatedCluster cluster) =>
        cluster.Api.List<Pod>("default", "app=web").OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();

    /// <summary>The pod whoami names in its first line ("Hostname: web-...").</summary>
    public static string Answerer(string output) =>
        output.Split('\n').First(l => l.StartsWith("Hostname: ", StringComparison.Ordinal))["Hostname: ".Length..].Trim();
}
