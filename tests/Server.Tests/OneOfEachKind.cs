using System.Net;
using System.Text.Json.Nodes;
using Playground.Core.Serialization;

namespace Playground.Server.Tests;

/// <summary>
/// One object named "web" of every kind the API serves, as manifests, for tests that walk every route. Each workload
/// selects its own label and the service has no selector, so no controller writes into another kind's object.
/// </summary>
public static class OneOfEachKind
{
    public const string Name = "web";

    public const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          # No scheduler takes it, so a binding that slipped through would show as a write.
          schedulerName: no-scheduler
          containers: [{name: c, image: nginx}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: web}
        subsets: [{addresses: [{ip: 10.1.2.3}], ports: [{port: 80}]}]
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web}
        involvedObject: {kind: Pod, name: web, namespace: default}
        reason: Testing
        message: one event
        type: Normal
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web}
        data: {mode: fast}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: web}
        data: {password: czNjcmV0}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: web}
        spec:
          capacity: {storage: 1Gi}
          accessModes: [ReadWriteOnce]
          hostPath: {path: /tmp/web}
          storageClassName: manual
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: web}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
          storageClassName: manual
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: web}
        spec: {hard: {pods: "100"}}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: web}
        spec: {limits: [{type: Container, defaultRequest: {cpu: 10m}}]}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: web}
        provisioner: example.com/none
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web}
        addressType: IPv4
        endpoints: [{addresses: [10.1.2.3]}]
        ports: [{port: 80}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: web}
        spec: {controller: example.com/none}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          ingressClassName: web
          rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
        ---
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata: {name: web}
        spec: {holderIdentity: web}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 1, selector: {matchLabels: {one-of-each: pdb}}}
        ---
        apiVersion: apps/v1
        kind: ControllerRevision
        metadata: {name: web}
        revision: 1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {one-of-each: deployment}}
          template:
            metadata: {labels: {one-of-each: deployment}}
            spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {one-of-each: replicaset}}
          template:
            metadata: {labels: {one-of-each: replicaset}}
            spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          replicas: 1
          serviceName: web
          selector: {matchLabels: {one-of-each: statefulset}}
          template:
            metadata: {labels: {one-of-each: statefulset}}
            spec: {containers: [{name: c, image: nginx}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: web}
        spec:
          selector: {matchLabels: {one-of-each: daemonset}}
          template:
            metadata: {labels: {one-of-each: daemonset}}
            spec: {containers: [{name: c, image: busybox, command: [sleep, "3600"]}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: web}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: busybox, command: [echo, hi]}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: web}
        spec:
          schedule: "0 0 1 1 *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: c, image: busybox, command: [date]}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 1
          maxReplicas: 3
          metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
        """;

    /// <summary>The label every object carries, so that a collection request can be aimed at these objects alone.</summary>
    public const string Label = "one-of-each=web";

    /// <summary>The manifests as JSON objects, labelled with <see cref="Label"/>.</summary>
    public static IReadOnlyList<JsonObject> All { get; } = [.. ManifestReader.Read(Manifests).Select(m =>
    {
        var metadata = m.Node["metadata"]!.AsObject();
        metadata["labels"] = new JsonObject { ["one-of-each"] = Name };
        return m.Node;
    })];

    public static JsonObject? For(string apiVersion, string kind) =>
        All.FirstOrDefault(m => m["apiVersion"]!.GetValue<string>() == apiVersion && m["kind"]!.GetValue<string>() == kind);

    /// <summary>Creates every object in a sandbox through the collection discovery lists for its kind, failing with the Status of any it refuses.</summary>
    public static async Task CreateAllAsync(ApiSandbox sandbox, IReadOnlyList<DiscoveredRoute> routes)
    {
        foreach (var manifest in All)
        {
            var (apiVersion, kind) = (manifest["apiVersion"]!.GetValue<string>(), manifest["kind"]!.GetValue<string>());
            var route = routes.Single(r => r.GroupVersion == apiVersion && r.Kind == kind && r.Subresource is null);
            var response = await sandbox.SendAsync(new ApiRequest(HttpMethod.Post, route.Collection, manifest.ToJsonString()));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating {kind} {Name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
