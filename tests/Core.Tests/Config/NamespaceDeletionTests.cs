using Playground.Core.Api.Core;
using Playground.Core.Controllers.Namespaces;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Config;

public class NamespaceDeletionTests
{
    [Fact]
    public void A_deleted_namespace_terminates_is_emptied_then_finalized_and_refuses_new_content_meanwhile()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create namespace team");
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2 -n team");
        cluster.Kubectl("kubectl create configmap settings --from-literal=a=b -n team");
        cluster.RunUntilIdle();
        var before = cluster.Store.Revision;

        Assert.Equal("namespace \"team\" deleted\n", cluster.Kubectl("kubectl delete namespace team").Output);
        Assert.Matches(@"^NAME   STATUS        AGE\nteam   Terminating   \d+s\n$", cluster.Kubectl("kubectl get ns team").Output);
        var refused = cluster.Kubectl("kubectl create configmap late --from-literal=a=b -n team");
        Assert.Equal((1, "Error from server (Forbidden): configmaps \"late\" is forbidden: unable to create new content in namespace team because it is being terminated\n"),
            (refused.ExitCode, refused.Output));

        cluster.RunUntilIdle();
        Assert.Equal(1, cluster.Kubectl("kubectl get ns team").ExitCode);
        var history = cluster.Store.History(before).ToList();
        var terminating = history.FindIndex(w => w.Key.Resource == "namespaces" && w.Type == WriteType.Modified);
        var ns = (Namespace)history[terminating].Object;
        Assert.Equal(("Terminating", "kubectl"), (ns.Status!.Phase, history[terminating].Actor));
        Assert.NotNull(ns.Metadata.DeletionTimestamp);
        Assert.Equal(["kubernetes"], ns.Spec!.Finalizers!);
        var contentGone = history.FindLastIndex(w => w.Key.Namespace == "team" && w.Type == WriteType.Deleted);
        var removed = history.FindIndex(w => w.Key.Resource == "namespaces" && w.Type == WriteType.Deleted);
        Assert.True(terminating < contentGone && contentGone < removed);
        Assert.Equal(NamespaceController.Actor, history[removed].Actor);
        Assert.All(history.Where(w => w.Key.Namespace == "team" && w.Type == WriteType.Added), w => Assert.Equal("events", w.Key.Resource));
        foreach (var kind in new[] { "deployments", "replicasets", "configmaps", "serviceaccounts" })
            Assert.Contains(history, w => w.Key.Resource == kind && w.Type == WriteType.Deleted && w.Actor == NamespaceController.Actor);
        Assert.DoesNotContain(cluster.Store.All(), r => r.Key.Namespace == "team");
    }

    [Fact]
    public void The_system_namespaces_cannot_be_deleted_and_every_namespace_gets_a_default_service_account()
    {
        var cluster = TestCluster.Create();
        var refused = cluster.Kubectl("kubectl delete namespace default");
        Assert.Equal((1, "Error from server (Forbidden): namespaces \"default\" is forbidden: this namespace may not be deleted\n"), (refused.ExitCode, refused.Output));

        cluster.Kubectl("kubectl create namespace team");
        Assert.Equal("NAME      SECRETS   AGE\ndefault   0         0s\n", cluster.Kubectl("kubectl get sa -n team").Output);
        var write = cluster.Store.History(0).Single(w => w.Key == new ObjectKey("serviceaccounts", "team", "default"));
        Assert.Equal("serviceaccount-controller", write.Actor);
    }
}
