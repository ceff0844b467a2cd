using Playground.Core.Api.Core;
using Playground.Core.Controllers.PersistentVolumes;
using Playground.Core.Scheduling;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Config;

public class PersistentVolumeTests
{
    private const string Claim = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """;

    private const string PodUsingClaim = """
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          containers: [{name: app, image: nginx}]
          volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
        """;

    [Fact]
    public void A_claim_waits_for_its_first_pod_then_gets_a_provisioned_volume_on_the_pods_node_and_binds()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Claim).ExitCode);
        cluster.RunUntilIdle();

        var pending = cluster.Api.Get<PersistentVolumeClaim>("default", "data");
        Assert.Equal(("Pending", "standard"), (pending.Status!.Phase, pending.Spec.StorageClassName));
        Assert.Empty(cluster.Api.List<PersistentVolume>());
        Assert.Contains(Events(cluster, "data"), e => e.Reason == "WaitForFirstConsumer" && e.Message == "waiting for first consumer to be created before binding");

        var applied = cluster.Store.Revision;
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", PodUsingClaim).ExitCode);
        cluster.RunUntilIdle();

        var claim = cluster.Api.Get<PersistentVolumeClaim>("default", "data");
        var pod = cluster.Api.Get<Pod>("default", "app");
        var volume = cluster.Api.Get<PersistentVolume>(null, $"pvc-{claim.Metadata.Uid}");
        Assert.Equal(("Bound", volume.Metadata.Name), (claim.Status!.Phase, claim.Spec.VolumeName));
        Assert.Equal(("Bound", "Delete", "standard"), (volume.Status!.Phase, volume.Spec.PersistentVolumeReclaimPolicy, volume.Spec.StorageClassName));
        Assert.Equal(pod.Spec.NodeName, claim.Metadata.Annotations![VolumeAnnotations.SelectedNode]);
        Assert.Equal("Running", pod.Status!.Phase);
        Assert.Contains(Events(cluster, "data"), e => e.Reason == "ProvisioningSucceeded" && e.Message == $"Successfully provisioned volume {volume.Metadata.Name}");

        // The scheduler picks the node first, the provisioner makes the volume there, the binder binds, and only then is the pod bound.
        var history = cluster.Store.History(applied);
        int At(Func<WriteRecord, bool> match) => history.ToList().FindIndex(w => match(w));
        var selected = At(w => w.Kind == "PersistentVolumeClaim" && w.Actor == Scheduler.SchedulerName);
        var provisioned = At(w => w.Kind == "PersistentVolume" && w.Type == WriteType.Added && w.Actor == LocalPathProvisioner.Actor);
        var claimBound = At(w => w.Kind == "PersistentVolumeClaim" && w.Actor == PersistentVolumeController.Actor && ((PersistentVolumeClaim)w.Object).Status?.Phase == "Bound");
        var podBound = At(w => w.Kind == "Pod" && w.Actor == Scheduler.SchedulerName && !string.IsNullOrEmpty(((Pod)w.Object).Spec.NodeName));
        Assert.True(selected >= 0 && selected < provisioned && provisioned < claimBound && claimBound < podBound, $"{selected} {provisioned} {claimBound} {podBound}");

        var table = cluster.Kubectl("kubectl get pvc").Output;
        Assert.Matches(
            "^NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n"
            + $"data   Bound    {volume.Metadata.Name}   1Gi        RWO            standard       <unset>                 \\d+s\n$",
            table);
    }

    [Fact]
    public void Deleting_a_claim_releases_its_provisioned_volume_and_the_delete_policy_removes_it()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", Claim);
        cluster.Kubectl("kubectl apply -f -", PodUsingClaim);
        cluster.RunUntilIdle();
        var volume = cluster.Api.Get<PersistentVolumeClaim>("default", "data").Spec.VolumeName!;

        cluster.Kubectl("kubectl delete pod app");
        cluster.RunUntilIdle();
        var before = cluster.Store.Revision;
        Assert.Equal("persistentvolumeclaim \"data\" deleted\n", cluster.Kubectl("kubectl delete pvc data").Output);
        cluster.RunUntilIdle();

        Assert.Null(cluster.Api.TryGet<PersistentVolume>(null, volume));
        var writes = cluster.Store.History(before).Where(w => w.Kind == "PersistentVolume").ToList();
        Assert.Equal("Released", ((PersistentVolume)writes[0].Object).Status!.Phase);
        // The provisioner deletes the released volume; its pv-protection finalizer goes once it is no longer Bound.
        Assert.Contains(writes, w => w.Type == WriteType.Modified && w.Actor == LocalPathProvisioner.Actor && w.Object.Metadata.DeletionTimestamp is not null);
        Assert.Equal((WriteType.Deleted, ProtectionController.VolumeActor), (writes[^1].Type, writes[^1].Actor));
    }

    [Fact]
    public void A_claim_in_use_stays_terminating_until_its_pod_is_gone()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", Claim);
        cluster.Kubectl("kubectl apply -f -", PodUsingClaim);
        cluster.RunUntilIdle();

        cluster.Kubectl("kubectl delete pvc data");
        cluster.RunUntilIdle();
        var claim = cluster.Api.Get<PersistentVolumeClaim>("default", "data");
        Assert.NotNull(claim.Metadata.DeletionTimestamp);
        Assert.Equal(["kubernetes.io/pvc-protection"], claim.Metadata.Finalizers!);
        Assert.Contains("Used By:       app\n", cluster.Kubectl("kubectl describe pvc data").Output);

        var before = cluster.Store.Revision;
        cluster.Kubectl("kubectl delete pod app");
        cluster.RunUntilIdle();
        Assert.Null(cluster.Api.TryGet<PersistentVolumeClaim>("default", "data"));
        Assert.Empty(cluster.Api.List<PersistentVolume>());
        var actors = cluster.Store.History(before).Where(w => w.Kind is "PersistentVolumeClaim" or "PersistentVolume").Select(w => (w.Kind, w.Type, w.Actor)).ToList();
        Assert.Equal(("PersistentVolumeClaim", WriteType.Deleted, ProtectionController.ClaimActor), actors.First(a => a.Type == WriteType.Deleted));
        Assert.Equal(("PersistentVolume", WriteType.Deleted, ProtectionController.VolumeActor), actors[^1]);
    }

    [Fact]
    public void A_claim_without_a_class_binds_the_smallest_static_volume_that_fits()
    {
        var cluster = TestCluster.Create();
        foreach (var (name, size) in new[] { ("big", "10Gi"), ("small", "2Gi"), ("tiny", "500Mi") })
            cluster.Kubectl("kubectl apply -f -", $$"""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: {{name}}}
                spec:
                  capacity: {storage: {{size}}}
                  accessModes: [ReadWriteOnce]
                  storageClassName: ""
                  hostPath: {path: /mnt/{{name}}}
                """);
        cluster.Kubectl("kubectl apply -f -", Claim.Replace("accessModes", "storageClassName: \"\"\n  accessModes"));
        cluster.RunUntilIdle();

        Assert.Equal("small", cluster.Api.Get<PersistentVolumeClaim>("default", "data").Spec.VolumeName);
        var pvs = cluster.Kubectl("kubectl get pv").Output.Split('\n');
        Assert.Equal("NAME    CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE", pvs[0]);
        Assert.Equal("small   2Gi        RWO            Retain           Bound       default/data                  <unset>                          0s", pvs[2]);
        Assert.Equal("tiny    500Mi      RWO            Retain           Available                                 <unset>                          0s", pvs[3]);
    }

    [Fact]
    public void A_pod_whose_claim_is_missing_stays_pending_with_the_schedulers_reason()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", PodUsingClaim);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        var pod = cluster.Api.Get<Pod>("default", "app");
        Assert.Equal("Pending", pod.Status!.Phase);
        var condition = pod.Status.Conditions!.Single(c => c.Type == "PodScheduled");
        Assert.Equal("0/3 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.", condition.Message);

        cluster.Kubectl("kubectl apply -f -", Claim);
        cluster.RunUntilIdle();
        Assert.Equal("Running", cluster.Api.Get<Pod>("default", "app").Status!.Phase);
    }

    [Fact]
    public void The_default_class_is_kinds_standard_class()
    {
        var cluster = TestCluster.Create();
        // The cluster booted its add-ons for 90 s before it was handed over, as kind waits for its control plane.
        Assert.Equal(
            "NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n"
            + "standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  90s\n",
            cluster.Kubectl("kubectl get sc").Output);
    }

    private static List<Event> Events(Playground.Core.Simulation.SimulatedCluster cluster, string involved) =>
        cluster.Api.List<Event>("default").Where(e => e.InvolvedObject.Name == involved).ToList();
}
