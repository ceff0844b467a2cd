using Playground.Core.Api.Apps;
using Playground.Core.Api.Autoscaling;
using Playground.Core.Storage;
using Playground.Core.Tests.Batch;

namespace Playground.Core.Tests.Autoscaling;

/// <summary>The HPA walkthrough: php-apache behind a Service, a wget loop as load, kubectl autoscale, then the load goes away.</summary>
public class HorizontalPodAutoscalerTests
{
    private const string PhpApache = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: php-apache
        spec:
          selector:
            matchLabels:
              run: php-apache
          template:
            metadata:
              labels:
                run: php-apache
            spec:
              containers:
              - name: php-apache
                image: nginx
                ports:
                - containerPort: 80
                resources:
                  limits:
                    cpu: 500m
                  requests:
                    cpu: 200m
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: php-apache
        spec:
          ports:
          - port: 80
          selector:
            run: php-apache
        """;

    private const string LoadGenerator = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: load-generator
        spec:
          restartPolicy: Never
          containers:
          - name: load-generator
            image: busybox:1.28
            command: ["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]
        """;

    private static List<(DateTimeOffset Time, int Replicas)> Rescales(Playground.Core.Simulation.SimulatedCluster cluster) =>
        cluster.Store.History(0).Where(w => w.Kind == "Deployment" && w.Actor == "horizontal-pod-autoscaler")
            .Select(w => (w.Time, ((Deployment)w.Object).Spec.Replicas ?? 0)).ToList();

    [Fact]
    public void Scales_out_under_load_and_back_in_only_after_the_stabilization_window()
    {
        var cluster = TestCluster.Create(nodes: 3, cpu: "4");
        cluster.Kubectl("kubectl apply -f -", PhpApache);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));
        Assert.Equal("horizontalpodautoscaler.autoscaling/php-apache autoscaled\n",
            cluster.Kubectl("kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10").Output);
        cluster.Advance(TimeSpan.FromSeconds(30));
        Assert.Matches(@"^NAME         REFERENCE               TARGETS       MINPODS   MAXPODS   REPLICAS   AGE\nphp-apache   Deployment/php-apache   cpu: 0%/50%   1         10        1          30s\n$",
            cluster.Kubectl("kubectl get hpa").Output);

        cluster.Kubectl("kubectl apply -f -", LoadGenerator);
        cluster.Advance(TimeSpan.FromMinutes(3));
        var top = cluster.Kubectl("kubectl top pods").Output;
        Assert.StartsWith("NAME ", top);
        Assert.Contains("CPU(cores)   MEMORY(bytes)   \n", top);

        var scaledOut = Rescales(cluster);
        Assert.NotEmpty(scaledOut);
        Assert.All(scaledOut.Zip(scaledOut.Skip(1)), p => Assert.True(p.Second.Replicas > p.First.Replicas));
        var peak = scaledOut[^1].Replicas;
        Assert.InRange(peak, 4, 10);
        var rescale = cluster.Api.List<Playground.Core.Api.Core.Event>("default").First(e => e.Reason == "SuccessfulRescale");
        Assert.Equal($"New size: {scaledOut[0].Replicas}; reason: cpu resource utilization (percentage of request) above target", rescale.Message);
        var hpa = cluster.Api.Get<HorizontalPodAutoscaler>("default", "php-apache");
        Assert.Equal("ValidMetricFound", hpa.Status!.Conditions!.Single(c => c.Type == "ScalingActive").Reason);
        Assert.Matches(@"Metrics:\s+\( current / target \)\n  resource cpu on pods  \(as a percentage of request\):\s+\d+% \(\d+m\) / 50%\nMin replicas:\s+1\nMax replicas:\s+10\nDeployment pods:\s+\d+ current / \d+ desired\nConditions:\n",
            cluster.Kubectl("kubectl describe hpa php-apache").Output);

        // Take the load away: utilization drops at once, but the highest recommendation of the last 5 minutes holds.
        cluster.Kubectl("kubectl delete pod load-generator");
        var loadGone = cluster.Clock.Now;
        cluster.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(peak, cluster.Api.Get<Deployment>("default", "php-apache").Spec.Replicas);
        Assert.Equal("ScaleDownStabilized", cluster.Api.Get<HorizontalPodAutoscaler>("default", "php-apache").Status!.Conditions!.Single(c => c.Type == "AbleToScale").Reason);
        cluster.Advance(TimeSpan.FromMinutes(2));

        var scaleIn = Rescales(cluster).Skip(scaledOut.Count).ToList();
        var (at, replicas) = Assert.Single(scaleIn);
        Assert.Equal(1, replicas);
        Assert.InRange((at - loadGone).TotalSeconds, 285, 316);
        Assert.Contains(cluster.Api.List<Playground.Core.Api.Core.Event>("default"), e => e.Message == "New size: 1; reason: All metrics below target");
    }

    [Fact]
    public void A_scale_down_policy_of_one_pod_a_minute_removes_pods_one_by_one_after_its_own_window()
    {
        var cluster = TestCluster.Create(nodes: 3, cpu: "4");
        cluster.Kubectl("kubectl apply -f -", PhpApache.Replace("spec:\n  selector:", "spec:\n  replicas: 4\n  selector:"));
        cluster.Kubectl("kubectl apply -f -", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: php-apache
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: php-apache
              minReplicas: 1
              maxReplicas: 10
              metrics:
              - type: Resource
                resource:
                  name: cpu
                  target:
                    type: Utilization
                    averageUtilization: 50
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 60
                  policies:
                  - type: Pods
                    value: 1
                    periodSeconds: 60
            """);
        var start = cluster.Clock.Now;
        cluster.Advance(TimeSpan.FromMinutes(6));

        var scaleIn = Rescales(cluster);
        Assert.Equal([3, 2, 1], scaleIn.Select(r => r.Replicas));
        // A new autoscaler has no recommendations to stabilize against, so the first step comes at the first sync with
        // metrics (15 s, once the pods run); after that the policy allows one pod per 60 s period.
        Assert.Equal(15, (scaleIn[0].Time - start).TotalSeconds, 0.5);
        Assert.All(scaleIn.Zip(scaleIn.Skip(1)), p => Assert.InRange((p.Second.Time - p.First.Time).TotalSeconds, 60, 76));
        Assert.Contains("Scale Down:\n    Stabilization Window: 60 seconds\n    Select Policy: Max\n    Policies:\n      - Type: Pods  Value: 1  Period: 60 seconds\n",
            cluster.Kubectl("kubectl describe hpa php-apache").Output);
    }

    [Fact]
    public void Autoscale_refuses_a_missing_max_and_a_pod_without_cpu_request_reports_the_upstream_reason()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx");
        Assert.Equal("error: --max=MAXPODS is required and must be at least 1, max: -1\n", cluster.Kubectl("kubectl autoscale deployment web").Output);
        cluster.Kubectl("kubectl autoscale deployment web --max=3 --cpu-percent=50");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        cluster.Advance(TimeSpan.FromSeconds(30));

        var hpa = cluster.Api.Get<HorizontalPodAutoscaler>("default", "web");
        var active = hpa.Status!.Conditions!.Single(c => c.Type == "ScalingActive");
        Assert.Equal(("False", "FailedGetResourceMetric"), (active.Status, active.Reason));
        Assert.StartsWith("the HPA was unable to compute the replica count: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-", active.Message);
        Assert.Contains("cpu: <unknown>/50%", cluster.Kubectl("kubectl get hpa web").Output);
        Assert.True(JobTests.CountOf(cluster, "FailedGetResourceMetric") >= 1);
    }
}
