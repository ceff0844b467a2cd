using System.Text.Json.Nodes;
using Playground.Core.Api.Autoscaling;
using Playground.Core.Serialization;

namespace Playground.Core.Tests.Autoscaling;

/// <summary>autoscaling/v1 served beside the stored autoscaling/v2: the conversion both ways, and the terminal's apply of a v1 manifest.</summary>
public class HorizontalPodAutoscalerConversionTests
{
    /// <summary>Every metric source, behavior and a status; the CPU utilization metric last, where a v1 round trip puts it.</summary>
    private const string Everything = """
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","namespace":"default","annotations":{"team":"a"}},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},"minReplicas":2,"maxReplicas":9,
          "metrics":[
            {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"100Mi"}}},
            {"type":"ContainerResource","containerResource":{"name":"cpu","container":"app","target":{"type":"Utilization","averageUtilization":70}}},
            {"type":"Pods","pods":{"metric":{"name":"rps","selector":{"matchLabels":{"a":"b"}}},"target":{"type":"AverageValue","averageValue":"1k"}}},
            {"type":"Object","object":{"describedObject":{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","name":"main"},"metric":{"name":"hits"},"target":{"type":"Value","value":"10k"}}},
            {"type":"External","external":{"metric":{"name":"queue"},"target":{"type":"AverageValue","averageValue":"30"}}},
            {"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":50}}}],
          "behavior":{"scaleUp":{"stabilizationWindowSeconds":0,"selectPolicy":"Max","policies":[{"type":"Percent","value":100,"periodSeconds":15}]},
                      "scaleDown":{"stabilizationWindowSeconds":300,"policies":[{"type":"Pods","value":1,"periodSeconds":60}]}}},
         "status":{"observedGeneration":1,"lastScaleTime":"2026-01-01T12:00:00Z","currentReplicas":3,"desiredReplicas":4,
          "currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageValue":"120m","averageUtilization":60}}}],
          "conditions":[{"type":"AbleToScale","status":"True","lastTransitionTime":"2026-01-01T12:00:00Z","reason":"SucceededRescale","message":"the HPA controller was able to update the target scale to 4"}]}}
        """;

    [Fact]
    public void A_v2_object_survives_a_trip_through_v1_whole()
    {
        var cluster = TestCluster.Create();
        var v1Type = cluster.Resources.ByKind("autoscaling/v1", "HorizontalPodAutoscaler")!;
        var stored = cluster.Resources.Decode(JsonNode.Parse(Everything)!.AsObject());

        var v1 = v1Type.ToNode(stored);
        var back = cluster.Resources.Decode(v1);

        Assert.Equal("autoscaling/v1", v1["apiVersion"]!.GetValue<string>());
        Assert.Equal(50, v1["spec"]!["targetCPUUtilizationPercentage"]!.GetValue<int>());
        Assert.Equal(60, v1["status"]!["currentCPUUtilizationPercentage"]!.GetValue<int>());
        Assert.Equal(
            """[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}},{"type":"ContainerResource","containerResource":{"name":"cpu","targetAverageUtilization":70,"container":"app"}},{"type":"Pods","pods":{"metricName":"rps","targetAverageValue":"1k","selector":{"matchLabels":{"a":"b"}}}},{"type":"Object","object":{"target":{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","name":"main"},"metricName":"hits","targetValue":"10k"}},{"type":"External","external":{"metricName":"queue","targetAverageValue":"30"}}]""",
            v1["metadata"]!["annotations"]!["autoscaling.alpha.kubernetes.io/metrics"]!.GetValue<string>());
        Assert.Equal("""[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":60,"currentAverageValue":"120m"}}]""",
            v1["metadata"]!["annotations"]!["autoscaling.alpha.kubernetes.io/current-metrics"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Everything), KubeJson.ToNode(back)), $"after the trip:\n{KubeJson.Serialize(back)}");
    }

    [Fact]
    public void The_terminal_applies_a_v1_manifest_and_merges_against_the_live_object_at_v1()
    {
        var cluster = TestCluster.Create();
        const string Manifest = """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              maxReplicas: 3
              targetCPUUtilizationPercentage: 70
            """;

        var created = cluster.Kubectl("kubectl apply -f -", Manifest).Output;
        var unchanged = cluster.Kubectl("kubectl apply -f -", Manifest).Output;
        var configured = cluster.Kubectl("kubectl apply -f -", Manifest.Replace("70", "75")).Output;

        Assert.Equal("horizontalpodautoscaler.autoscaling/web created\n", created);
        Assert.Equal("horizontalpodautoscaler.autoscaling/web unchanged\n", unchanged);
        Assert.Equal("horizontalpodautoscaler.autoscaling/web configured\n", configured);
        var hpa = cluster.Api.Get<HorizontalPodAutoscaler>("default", "web");
        Assert.Equal(75, hpa.Spec.Metrics!.Single().Resource!.Target.AverageUtilization);
        Assert.Equal(1, hpa.Spec.MinReplicas);
    }
}
