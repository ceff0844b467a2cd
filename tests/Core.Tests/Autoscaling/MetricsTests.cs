using Playground.Core.Api.Autoscaling;
using Playground.Core.Api.Batch;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Autoscaling;

/// <summary>The simulated metrics pipeline as kubectl top shows it, the annotation that puts load on a Deployment, and HPA validation.</summary>
public class MetricsTests
{
    private static SimulatedCluster WebWithRequests()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx
                    resources:
                      requests:
                        cpu: 100m
            """);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));
        return cluster;
    }

    [Fact]
    public void Top_prints_pods_and_nodes_as_kubectl_top_does()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2");
        // As kubectl says while its pods are younger than two minutes and metrics-server has none for them.
        Assert.Equal("error: metrics not available yet\n", cluster.Kubectl("kubectl top pods").Output);
        Assert.Equal("No resources found in kube-public namespace.\n", cluster.Kubectl("kubectl top pods -n kube-public").Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));

        Assert.Matches(@"^NAME\s+CPU\(cores\)   MEMORY\(bytes\)   \n(web-\w+-\w+\s+1m\s+\d+Mi\s+\n){2}$", cluster.Kubectl("kubectl top pods").Output);
        // All namespaces include kube-system's add-ons: two CoreDNS pods and a kube-proxy per node.
        Assert.Matches(@"^NAMESPACE     NAME\s+CPU\(cores\)   MEMORY\(bytes\)   \n(default       web-\S+\s+1m\s+\d+Mi\s+\n){2}(kube-system   (coredns|kube-proxy)-\S+\s+1m\s+\d+Mi\s+\n){5}$", cluster.Kubectl("kubectl top pods -A").Output);
        Assert.Matches(@"^NAME     CPU\(cores\)   CPU\(%\)   MEMORY\(bytes\)   MEMORY\(%\)   \n(node-\d   \d+m\s+\d+%\s+\d+Mi\s+\d+%\s+\n){3}$", cluster.Kubectl("kubectl top nodes").Output);
        Assert.Equal("Error from server (NotFound): pods \"nope\" not found\n", cluster.Kubectl("kubectl top pod nope").Output);
    }

    [Fact]
    public void The_cpu_load_annotation_spreads_demand_over_the_deployments_ready_pods_up_to_their_limit()
    {
        var cluster = WebWithRequests();
        Assert.Equal("deployment.apps/web annotated\n", cluster.Kubectl("kubectl annotate deployment web playground.k8s.io/cpu-load=300m").Output);
        var top = cluster.Kubectl("kubectl top pods --no-headers").Output;
        Assert.Matches(@"^(web-\S+\s+151m\s+\d+Mi\s+\n){2}$", top);

        cluster.Kubectl("kubectl autoscale deployment web --cpu-percent=50 --max=5");
        cluster.Advance(TimeSpan.FromSeconds(20));
        // 2 pods at 151% of a 100m request, target 50%: ceil(2 × 151 / 50) = 7, capped at --max.
        Assert.Equal(5, cluster.Api.Get<Api.Apps.Deployment>("default", "web").Spec.Replicas);
        Assert.Equal("True", cluster.Api.Get<HorizontalPodAutoscaler>("default", "web").Status!.Conditions!.Single(c => c.Type == "ScalingLimited").Status);
    }

    [Fact]
    public void An_hpa_whose_max_is_below_its_min_is_refused_and_nothing_is_written()
    {
        var cluster = TestCluster.Create();
        var revision = cluster.Store.Revision;
        var result = cluster.Kubectl("kubectl apply -f -", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 3
              maxReplicas: 2
            """);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`", result.Output);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void A_restored_sandbox_keeps_running_its_cronjob_on_schedule()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create cronjob tick --image=busybox --schedule=\"*/2 * * * *\" -- date");
        cluster.Advance(TimeSpan.FromMinutes(3));
        var state = new ClusterState(cluster.Clock.Now, cluster.Store.Revision, [.. cluster.Store.All()], cluster.Options, cluster.Store.History(0));

        var restored = SimulatedCluster.Restore(state);
        restored.Advance(TimeSpan.FromMinutes(2));
        var names = restored.Api.List<Job>("default").Select(j => j.Metadata.Name).Order().ToList();
        long Minutes(int after) => TestCluster.Start.AddMinutes(after).ToUnixTimeSeconds() / 60;
        Assert.Equal([$"tick-{Minutes(2)}", $"tick-{Minutes(4)}"], names);
    }
}
