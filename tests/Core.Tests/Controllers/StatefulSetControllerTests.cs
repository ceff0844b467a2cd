using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Controllers;
using Playground.Core.Controllers.StatefulSets;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

/// <summary>StatefulSets driven through kubectl, with the simulation's scheduler and kubelets, checked against the write history.</summary>
public class StatefulSetControllerTests
{
    private static string Manifest(string image = "nginx:1.27", int partition = 0, string retention = "Retain") => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
        spec:
          clusterIP: None
          selector:
            app: web
          ports:
          - port: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: nginx
          replicas: 3
          updateStrategy:
            rollingUpdate:
              partition: {{partition}}
          persistentVolumeClaimRetentionPolicy:
            whenDeleted: {{retention}}
            whenScaled: {{retention}}
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
                image: {{image}}
                volumeMounts:
                - name: www
                  mountPath: /usr/share/nginx/html
          volumeClaimTemplates:
          - metadata:
              name: www
            spec:
              accessModes: ["ReadWriteOnce"]
              resources:
                requests:
                  storage: 1Gi
        """;

    private static SimulatedCluster Running(string retention = "Retain")
    {
        var cluster = TestCluster.Create();
        var applied = cluster.Kubectl("kubectl apply -f -", Manifest(retention: retention));
        Assert.True(applied.ExitCode == 0, applied.Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        return cluster;
    }

    /// <summary>The revision of the first write that shows the pod Running and Ready.</summary>
    private static long FirstReady(SimulatedCluster cluster, string pod) =>
        cluster.Store.History(0).First(w => w.Kind == "Pod" && w.Key.Name == pod && w.Type != WriteType.Deleted
            && ((Pod)w.Object).Status?.Phase == "Running" && PodReadiness.IsReady((Pod)w.Object)).Revision;

    private static WriteRecord Created(SimulatedCluster cluster, string pod, long after = 0) =>
        cluster.Store.History(after).First(w => w.Kind == "Pod" && w.Key.Name == pod && w.Type == WriteType.Added);

    [Fact]
    public void Pods_are_created_in_ordinal_order_each_after_the_previous_is_running_and_ready()
    {
        var cluster = Running();

        var pods = Pods(cluster, "web");
        Assert.Equal(["web-0", "web-1", "web-2"], pods.Select(p => p.Metadata.Name));
        Assert.All(pods, p => Assert.True(PodReadiness.IsReady(p), $"{p.Metadata.Name} is not ready"));
        var created = pods.Select(p => Created(cluster, p.Metadata.Name!)).ToList();
        Assert.All(created, w => Assert.Equal(StatefulSetController.Actor, w.Actor));
        Assert.True(created[1].Revision > FirstReady(cluster, "web-0"), "web-1 was created before web-0 was Running and Ready");
        Assert.True(created[2].Revision > FirstReady(cluster, "web-1"), "web-2 was created before web-1 was Running and Ready");

        foreach (var (pod, ordinal) in pods.Select((p, i) => (p, i)))
        {
            Assert.Equal(($"web-{ordinal}", "nginx"), (pod.Spec.Hostname, pod.Spec.Subdomain));
            Assert.Equal($"web-{ordinal}", pod.Metadata.Labels![StatefulPods.PodNameLabel]);
            Assert.Equal($"{ordinal}", pod.Metadata.Labels[StatefulPods.PodIndexLabel]);
            Assert.Equal($"www-web-{ordinal}", pod.Spec.Volumes![0].PersistentVolumeClaim!["claimName"]!.GetValue<string>());
        }
        var set = cluster.Api.Get<StatefulSet>("default", "web");
        var revision = Assert.Single(cluster.Api.List<ControllerRevision>("default"));
        Assert.Equal((1L, $"web-{revision.Metadata.Labels!["controller-revision-hash"]}"), (revision.Revision, revision.Metadata.Name));
        Assert.All(pods, p => Assert.Equal(revision.Metadata.Name, p.Metadata.Labels!["controller-revision-hash"]));
        var status = set.Status!;
        Assert.Equal((3, 3, 3, 3, 3), (status.Replicas, status.ReadyReplicas, status.CurrentReplicas, status.UpdatedReplicas, status.AvailableReplicas));
        Assert.Equal((revision.Metadata.Name, revision.Metadata.Name, 1L), (status.CurrentRevision, status.UpdateRevision, status.ObservedGeneration));

        Assert.Equal(
            ["create Claim www-web-0 Pod web-0 in StatefulSet web success", "create Pod web-0 in StatefulSet web successful",
             "create Claim www-web-1 Pod web-1 in StatefulSet web success", "create Pod web-1 in StatefulSet web successful",
             "create Claim www-web-2 Pod web-2 in StatefulSet web success", "create Pod web-2 in StatefulSet web successful"],
            Events(cluster, "web").Where(e => e.InvolvedObject.Kind == "StatefulSet").Select(e => e.Message));
        Assert.Matches("^NAME   READY   AGE\nweb    3/3     [0-9]+s\n$", cluster.Kubectl("kubectl get sts").Output);
    }

    [Fact]
    public void Each_replica_gets_its_own_claim_labelled_with_the_selector()
    {
        var cluster = Running();

        var claims = cluster.Api.List<PersistentVolumeClaim>("default").OrderBy(c => c.Metadata.Name).ToList();
        Assert.Equal(["www-web-0", "www-web-1", "www-web-2"], claims.Select(c => c.Metadata.Name));
        Assert.All(claims, c => Assert.Equal("web", c.Metadata.Labels!["app"]));
        Assert.All(claims, c => Assert.Equal("1Gi", c.Spec.Resources!.Requests!["storage"]));
        Assert.All(claims, c => Assert.Equal(StatefulSetController.Actor, cluster.Store.History(0).First(w => w.Kind == "PersistentVolumeClaim" && w.Key.Name == c.Metadata.Name).Actor));
        Assert.True(Created(cluster, "web-0").Revision > cluster.Store.History(0).First(w => w.Key.Name == "www-web-0").Revision, "the claim comes before its pod");
    }

    [Fact]
    public void Scaling_down_deletes_the_highest_ordinal_first_and_waits_for_it_to_be_gone()
    {
        var cluster = Running();
        var start = cluster.Store.Revision;

        Assert.Equal("statefulset.apps/web scaled\n", cluster.Kubectl("kubectl scale statefulset web --replicas=1").Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        Assert.Equal(["web-0"], Pods(cluster, "web").Select(p => p.Metadata.Name));
        var writes = cluster.Store.History(start).Where(w => w.Kind == "Pod").ToList();
        long Terminating(string pod) => writes.First(w => w.Key.Name == pod && w.Actor == StatefulSetController.Actor && ((Pod)w.Object).Metadata.DeletionTimestamp is not null).Revision;
        long Gone(string pod) => writes.First(w => w.Key.Name == pod && w.Type == WriteType.Deleted).Revision;
        Assert.True(Terminating("web-1") > Gone("web-2"), "web-1 was deleted before web-2 was gone");
        Assert.Equal(
            ["delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful"],
            Events(cluster, "web", "SuccessfulDelete").Select(e => e.Message));
        Assert.Equal(3, cluster.Api.List<PersistentVolumeClaim>("default").Count);
    }

    [Fact]
    public void A_partitioned_update_replaces_only_ordinals_at_or_above_the_partition_highest_first()
    {
        var cluster = Running();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest(partition: 1)).ExitCode);
        var start = cluster.Store.Revision;

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest("nginx:1.28", partition: 1)).ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        var pods = Pods(cluster, "web");
        Assert.Equal(["nginx:1.27", "nginx:1.28", "nginx:1.28"], pods.Select(p => p.Spec.Containers[0].Image));
        Assert.All(pods, p => Assert.True(PodReadiness.IsReady(p)));
        Assert.True(Created(cluster, "web-1", start).Revision > FirstReadyAfter(cluster, "web-2", start), "web-1 was replaced before the new web-2 was ready");
        var set = cluster.Api.Get<StatefulSet>("default", "web");
        var revisions = cluster.Api.List<ControllerRevision>("default").OrderBy(r => r.Revision).ToList();
        Assert.Equal([1L, 2L], revisions.Select(r => r.Revision));
        Assert.Equal((revisions[0].Metadata.Name, revisions[1].Metadata.Name), (set.Status!.CurrentRevision, set.Status.UpdateRevision));
        Assert.Equal((1, 2), (set.Status.CurrentReplicas, set.Status.UpdatedReplicas));
        Assert.Equal("partitioned roll out complete: 2 new pods have been updated...\n", cluster.Kubectl("kubectl rollout status sts/web").Output);

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest("nginx:1.28")).ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        set = cluster.Api.Get<StatefulSet>("default", "web");
        Assert.All(Pods(cluster, "web"), p => Assert.Equal("nginx:1.28", p.Spec.Containers[0].Image));
        Assert.Equal((revisions[1].Metadata.Name, 3), (set.Status!.CurrentRevision, set.Status.CurrentReplicas));

        Assert.Equal("statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n", cluster.Kubectl("kubectl rollout history sts/web").Output);
        Assert.Equal("statefulset.apps/web rolled back\n", cluster.Kubectl("kubectl rollout undo sts/web").Output);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        Assert.All(Pods(cluster, "web"), p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
        Assert.Equal([2L, 3L], cluster.Api.List<ControllerRevision>("default").Select(r => r.Revision).Order());
    }

    [Fact]
    public void The_parallel_policy_creates_every_pod_without_waiting_for_the_others()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest().Replace("  serviceName: nginx", "  serviceName: nginx\n  podManagementPolicy: Parallel")).ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

        var created = new[] { "web-0", "web-1", "web-2" }.Select(p => Created(cluster, p).Revision).ToList();
        Assert.True(created.Max() < FirstReady(cluster, "web-0"), "a pod waited for web-0 to be ready");
        Assert.All(Pods(cluster, "web"), p => Assert.True(PodReadiness.IsReady(p)));
    }

    [Fact]
    public void With_a_delete_retention_policy_claims_go_with_their_scaled_down_pod_and_with_the_set()
    {
        var cluster = Running(retention: "Delete");
        var set = cluster.Api.Get<StatefulSet>("default", "web");
        Assert.All(cluster.Api.List<PersistentVolumeClaim>("default"), c => Assert.Equal(set.Metadata.Uid, Assert.Single(c.Metadata.OwnerReferences!).Uid));

        Assert.Equal(0, cluster.Kubectl("kubectl scale sts web --replicas=2").ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        Assert.Equal(["www-web-0", "www-web-1"], cluster.Api.List<PersistentVolumeClaim>("default").Select(c => c.Metadata.Name).Order());

        Assert.Equal(0, cluster.Kubectl("kubectl delete sts web").ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        Assert.Empty(cluster.Api.List<PersistentVolumeClaim>("default"));
    }

    private static long FirstReadyAfter(SimulatedCluster cluster, string pod, long after) =>
        cluster.Store.History(after).First(w => w.Kind == "Pod" && w.Key.Name == pod && w.Type != WriteType.Deleted
            && ((Pod)w.Object).Metadata.DeletionTimestamp is null && ((Pod)w.Object).Status?.Phase == "Running" && PodReadiness.IsReady((Pod)w.Object)).Revision;
}
