using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl.Printers.Describe;
using static Playground.Core.Tests.Kubectl.Printers.Objects;

namespace Playground.Core.Tests.Kubectl.Printers;

public class DescribeTests
{
    private static Event Event(string reason, string message, string component, int ago, string type = "Normal") => new()
    {
        Metadata = new ObjectMeta { Name = $"x.{reason}", Namespace = "default" },
        Type = type, Reason = reason, Message = message, Source = new EventSource { Component = component },
        FirstTimestamp = Ago(ago), LastTimestamp = Ago(ago), Count = 1,
    };

    [Fact]
    public void A_running_pod_is_described_field_by_field_with_events_last()
    {
        var pod = Pod("web-1", 60, "Running", Running(55), ready: true);
        pod.Metadata.Labels!["pod-template-hash"] = "abc";
        pod.Metadata.OwnerReferences = [new OwnerReference { Kind = "ReplicaSet", Name = "web-abc", Controller = true }];
        pod.Spec.Priority = 0;
        pod.Spec.ServiceAccountName = "default";
        pod.Spec.NodeName = "node-1";
        pod.Spec.Containers[0].Ports = [new ContainerPort { Number = 80, Protocol = "TCP" }];
        pod.Spec.Tolerations = [new Toleration { Key = "node.kubernetes.io/not-ready", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 }];
        var status = pod.Status!;
        status.HostIP = "172.18.0.2";
        status.StartTime = Ago(60);
        status.PodIP = "10.244.1.5";
        status.PodIPs = [new PodIP { Ip = "10.244.1.5" }];
        status.ContainerStatuses![0].ContainerID = "containerd://123";
        status.ContainerStatuses[0].ImageID = "docker.io/library/nginx@sha256:1";
        status.Conditions = new[] { "Initialized", "Ready", "ContainersReady", "PodScheduled" }.Select(t => new Condition { Type = t, Status = "True" }).ToList();
        Event[] events =
        [
            Event("Pulled", "Container image \"nginx:1.27\" already present on machine", "kubelet", 58),
            Event("Scheduled", "Successfully assigned default/web-1 to node-1", "default-scheduler", 60),
        ];

        Assert.Equal("""
            Name:             web-1
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node-1/172.18.0.2
            Start Time:       Wed, 01 May 2024 11:59:00 +0000
            Labels:           app=web
                              pod-template-hash=abc
            Annotations:      <none>
            Status:           Running
            IP:               10.244.1.5
            IPs:
              IP:           10.244.1.5
            Controlled By:  ReplicaSet/web-abc
            Containers:
              nginx:
                Container ID:   containerd://123
                Image:          nginx:1.27
                Image ID:       docker.io/library/nginx@sha256:1
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Wed, 01 May 2024 11:59:05 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:         <none>
            Conditions:
              Type              Status
              Initialized       True 
              Ready             True 
              ContainersReady   True 
              PodScheduled      True 
            Volumes:            <none>
            QoS Class:          BestEffort
            Node-Selectors:     <none>
            Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  60s   default-scheduler  Successfully assigned default/web-1 to node-1
              Normal  Pulled     58s   kubelet            Container image "nginx:1.27" already present on machine

            """, PodDescriber.Describe(pod, events, Now));
    }

    [Fact]
    public void A_deployment_is_described_with_its_template_conditions_and_replica_sets()
    {
        var d = Deployment("web", 3, 600);
        d.Metadata.Annotations = new() { ["deployment.kubernetes.io/revision"] = "1" };
        d.Spec.Strategy = new DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new RollingUpdateDeployment { MaxUnavailable = "25%", MaxSurge = "25%" } };
        d.Status!.UnavailableReplicas = 0;
        d.Status.Conditions =
        [
            new Condition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable" },
            new Condition { Type = "Progressing", Status = "True", Reason = "NewReplicaSetAvailable" },
        ];
        var rs = new ReplicaSet { Metadata = new ObjectMeta { Name = "web-abc" }, Spec = new ReplicaSetSpec { Replicas = 3 }, Status = new ReplicaSetStatus { Replicas = 3 } };

        var text = DeploymentDescriber.Describe(d, [], rs, [Event("ScalingReplicaSet", "Scaled up replica set web-abc from 0 to 3", "deployment-controller", 600)], Now);

        Assert.Equal("""
            Name:                   web
            Namespace:              default
            CreationTimestamp:      Wed, 01 May 2024 11:50:00 +0000
            Labels:                 app=web
            Annotations:            deployment.kubernetes.io/revision: 1
            Selector:               app=web
            Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
            StrategyType:           RollingUpdate
            MinReadySeconds:        0
            RollingUpdateStrategy:  25% max unavailable, 25% max surge
            Pod Template:
              Labels:  app=web
              Containers:
               nginx:
                Image:         nginx
                Port:          <none>
                Host Port:     <none>
                Environment:   <none>
                Mounts:        <none>
              Volumes:         <none>
              Node-Selectors:  <none>
              Tolerations:     <none>
            Conditions:
              Type           Status  Reason
              ----           ------  ------
              Available      True    MinimumReplicasAvailable
              Progressing    True    NewReplicaSetAvailable
            OldReplicaSets:  <none>
            NewReplicaSet:   web-abc (3/3 replicas created)
            Events:
              Type    Reason             Age   From                   Message
              ----    ------             ----  ----                   -------
              Normal  ScalingReplicaSet  10m   deployment-controller  Scaled up replica set web-abc from 0 to 3

            """, text);
    }

    [Fact]
    public void A_node_lists_its_pods_and_what_they_request_of_its_allocatable()
    {
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = "node-1", CreationTimestamp = Ago(3600) },
            Status = new NodeStatus
            {
                Allocatable = new() { ["cpu"] = "2", ["memory"] = "4Gi", ["pods"] = "110" },
                Capacity = new() { ["cpu"] = "2", ["memory"] = "4Gi", ["pods"] = "110" },
                NodeInfo = new NodeSystemInfo { KubeletVersion = "v1.32.0" },
            },
        };
        var pod = Pod("web-1", 60, "Running", Running(55), ready: true);
        pod.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "500m", ["memory"] = "256Mi" }, Limits = new() { ["memory"] = "512Mi" } };

        var text = NodeDescriber.Describe(node, null, [pod], [], Now);

        Assert.Contains("Non-terminated Pods:          (1 in total)\n", text);
        Assert.Contains("  default                     web-1    500m (25%)    0 (0%)      256Mi (6%)       512Mi (12%)    60s\n", text);
        Assert.Contains("  cpu                500m (25%)  0 (0%)\n  memory             256Mi (6%)  512Mi (12%)\n", text);
        Assert.EndsWith("Events:              <none>\n", text);
    }
}
