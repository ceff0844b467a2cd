using Playground.Core.Api.Core;
using Playground.Core.Api.Policy;
using Playground.Core.Controllers.Disruption;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>cordon, uncordon, taint and drain through the kubectl engine, with PodDisruptionBudgets and the eviction subresource.</summary>
public class NodeMaintenanceTests
{
    private const string Budget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: web
        """;

    [Fact]
    public void Cordon_keeps_new_pods_off_the_node_until_uncordon()
    {
        var cluster = TestCluster.Create();

        Assert.Equal("node/node-1 cordoned\n", cluster.Kubectl("kubectl cordon node-1").Output);
        Assert.Equal("node/node-1 already cordoned\n", cluster.Kubectl("kubectl cordon node-1").Output);
        cluster.RunUntilIdle();
        Assert.Contains("node-1   Ready,SchedulingDisabled", cluster.Kubectl("kubectl get nodes").Output);
        var node = cluster.Api.Get<Node>(null, "node-1");
        Assert.Equal(("node.kubernetes.io/unschedulable", "NoSchedule"), (node.Spec.Taints![0].Key, node.Spec.Taints[0].Effect));
        Assert.Equal("node-lifecycle-controller", cluster.Store.History(0).Last(w => w.Key.Resource == "nodes" && w.Key.Name == "node-1").Actor);
        cluster.Advance(TimeSpan.FromSeconds(10));
        var noticed = cluster.Api.List<Event>("default").Single(e => e.Reason == "NodeNotSchedulable");
        Assert.Equal(("Node node-1 status is now: NodeNotSchedulable", "kubelet"), (noticed.Message, noticed.Source!.Component));

        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=6");
        cluster.RunUntilIdle();
        Assert.DoesNotContain(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-1");

        Assert.Equal("node/node-1 uncordoned\n", cluster.Kubectl("kubectl uncordon node-1").Output);
        cluster.RunUntilIdle();
        Assert.Null(cluster.Api.Get<Node>(null, "node-1").Spec.Taints);
        cluster.Kubectl("kubectl scale deployment web --replicas=9");
        cluster.RunUntilIdle();
        Assert.Contains(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-1");
        Assert.Equal("Error from server (NotFound): nodes \"node-9\" not found\n", cluster.Kubectl("kubectl cordon node-9").Output);
    }

    [Fact]
    public void Taint_adds_and_removes_taints_as_kubectl_words_it()
    {
        var cluster = TestCluster.Create();

        Assert.Equal("node/node-1 tainted\n", cluster.Kubectl("kubectl taint nodes node-1 dedicated=gpu:NoSchedule").Output);
        Assert.Equal("error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
            cluster.Kubectl("kubectl taint nodes node-1 dedicated=gpu:NoSchedule").Output);
        var taint = Assert.Single(cluster.Api.Get<Node>(null, "node-1").Spec.Taints!);
        Assert.Equal(("dedicated", "gpu", "NoSchedule"), (taint.Key, taint.Value, taint.Effect));

        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=6");
        cluster.RunUntilIdle();
        Assert.DoesNotContain(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-1");

        Assert.Equal("node/node-1 untainted\n", cluster.Kubectl("kubectl taint nodes node-1 dedicated:NoSchedule-").Output);
        Assert.Null(cluster.Api.Get<Node>(null, "node-1").Spec.Taints);
        Assert.Equal("error: taint \"dedicated:NoSchedule\" not found\n", cluster.Kubectl("kubectl taint node node-1 dedicated:NoSchedule-").Output);
        Assert.Equal("error: invalid taint effect: Bad, unsupported taint effect\n", cluster.Kubectl("kubectl taint nodes node-1 a=b:Bad").Output);
    }

    [Fact]
    public void A_NoExecute_taint_evicts_pods_that_do_not_tolerate_it_at_once()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3");
        cluster.RunUntilIdle();
        var mark = cluster.Store.Revision;

        cluster.Kubectl("kubectl taint nodes node-1 maintenance=now:NoExecute");
        cluster.RunUntilIdle();

        var evicted = cluster.Store.History(mark).First(w => w.Key.Resource == "pods" && w.Object.Metadata.DeletionTimestamp is not null);
        Assert.Equal("taint-eviction-controller", evicted.Actor);
        Assert.DoesNotContain(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-1");
        Assert.Equal(3, cluster.Api.List<Pod>("default").Count);
    }

    [Fact]
    public void Drain_evicts_through_the_budget_which_refuses_until_a_replacement_is_ready()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl cordon node-2");
        cluster.Kubectl("kubectl cordon node-3");
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2");
        cluster.Kubectl("kubectl apply -f -", Budget);
        cluster.RunUntilIdle();
        cluster.Kubectl("kubectl uncordon node-2");
        cluster.Kubectl("kubectl uncordon node-3");
        cluster.RunUntilIdle();
        Assert.Matches("^NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    1               N/A               1                     \\d+s\n$",
            cluster.Kubectl("kubectl get pdb").Output);
        var pods = cluster.Api.List<Pod>("default").Select(p => p.Metadata.Name!).ToList();
        var (proxy, dns) = SystemPods(cluster, "node-1");
        var mark = cluster.Store.Revision;

        var first = cluster.Kubectl("kubectl drain node-1 --ignore-daemonsets");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(
            "node/node-1 cordoned\n" +
            $"Warning: ignoring DaemonSet-managed Pods: kube-system/{proxy}\n" +
            $"evicting pod default/{pods[0]}\n" +
            $"evicting pod default/{pods[1]}\n" +
            string.Concat(dns.Select(d => $"evicting pod kube-system/{d}\n")) +
            $"error when evicting pods/\"{pods[1]}\" -n \"default\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n" +
            $"pod/{pods[0]} evicted\n" +
            string.Concat(dns.Select(d => $"pod/{d} evicted\n")),
            first.Output);
        var pdbWrite = cluster.Store.History(mark).First(w => w.Key.Resource == "poddisruptionbudgets");
        Assert.Equal(("kubectl", 0), (pdbWrite.Actor, ((PodDisruptionBudget)pdbWrite.Object).Status!.DisruptionsAllowed));
        var refusal = Assert.Throws<Playground.Core.ApiServer.ApiException>(() => cluster.Api.Evict("default", pods[1], new("kubectl")));
        Assert.Equal((429, "TooManyRequests"), (refusal.Code, refusal.Reason));
        Assert.Equal(("DisruptionBudget", "The disruption budget web needs 1 healthy pods and has 1 currently"),
            (refusal.Status.Details!.Causes![0].Reason, refusal.Status.Details.Causes[0].Message));

        cluster.RunUntilIdle();
        var replacement = cluster.Api.List<Pod>("default").Single(p => !pods.Contains(p.Metadata.Name!));
        Assert.NotEqual("node-1", replacement.Spec.NodeName);
        Assert.Equal(1, cluster.Api.Get<PodDisruptionBudget>("default", "web").Status!.DisruptionsAllowed);
        Assert.Equal(DisruptionController.Actor, cluster.Store.History(0).Last(w => w.Key.Resource == "poddisruptionbudgets").Actor);
        Assert.Equal(
            "Name:           web\n" +
            "Namespace:      default\n" +
            "Min available:  1\n" +
            "Selector:       app=web\n" +
            "Status:\n" +
            "    Allowed disruptions:  1\n" +
            "    Current:              2\n" +
            "    Desired:              1\n" +
            "    Total:                2\n" +
            "Events:                   <none>\n",
            cluster.Kubectl("kubectl describe pdb web").Output);

        var second = cluster.Kubectl("kubectl drain node-1 --ignore-daemonsets");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(
            "node/node-1 already cordoned\n" +
            $"Warning: ignoring DaemonSet-managed Pods: kube-system/{proxy}\n" +
            $"evicting pod default/{pods[1]}\n" +
            $"pod/{pods[1]} evicted\n" +
            "node/node-1 drained\n",
            second.Output);
        cluster.RunUntilIdle();
        Assert.Equal(2, cluster.Api.List<Pod>("default").Count);
        Assert.DoesNotContain(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-1");
    }

    [Fact]
    public void A_budget_with_both_bounds_is_refused_and_a_pod_under_two_budgets_cannot_be_evicted()
    {
        var cluster = TestCluster.Create();
        var both = cluster.Kubectl("kubectl apply -f -", Budget.Replace("minAvailable: 1", "minAvailable: 1\n  maxUnavailable: 50%"));
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("spec: Invalid value: ", both.Output);
        Assert.Contains("minAvailable and maxUnavailable cannot be both set", both.Output);
        Assert.Empty(cluster.Api.List<PodDisruptionBudget>("default"));

        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2");
        cluster.Kubectl("kubectl apply -f -", Budget);
        cluster.Kubectl("kubectl apply -f -", Budget.Replace("name: web", "name: web-too").Replace("minAvailable: 1", "maxUnavailable: 50%"));
        cluster.RunUntilIdle();
        Assert.Matches("web-too   N/A             50%               1                     ", cluster.Kubectl("kubectl get pdb").Output);
        var pod = cluster.Api.List<Pod>("default")[0].Metadata.Name!;

        var refusal = Assert.Throws<Playground.Core.ApiServer.ApiException>(() => cluster.Api.Evict("default", pod, new("kubectl")));

        Assert.Equal((500, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."), (refusal.Code, refusal.Message));
        Assert.Null(cluster.Api.Get<Pod>("default", pod).Metadata.DeletionTimestamp);
    }

    [Fact]
    public void Drain_refuses_pods_without_a_controller_unless_forced()
    {
        var cluster = TestCluster.Create(nodes: 1);
        cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: solo
            spec:
              containers:
              - name: app
                image: nginx
            """);
        cluster.RunUntilIdle();

        // kube-proxy's DaemonSet pod is on every node, so drains ignore DaemonSets as on any kubeadm cluster.
        var refused = cluster.Kubectl("kubectl drain node-1 --ignore-daemonsets");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(
            "node/node-1 cordoned\n" +
            "error: unable to drain node \"node-1\" due to error: cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...\n" +
            "There are pending nodes to be drained:\n" +
            " node-1\n" +
            "error: cannot delete Pods that declare no controller (use --force to override): default/solo\n",
            refused.Output);
        Assert.NotNull(cluster.Api.TryGet<Pod>("default", "solo"));

        var (proxy, dns) = SystemPods(cluster, "node-1");
        var forced = cluster.Kubectl("kubectl drain node-1 --force --grace-period=0 --ignore-daemonsets");

        Assert.Equal(
            "node/node-1 already cordoned\n" +
            $"Warning: deleting Pods that declare no controller: default/solo; ignoring DaemonSet-managed Pods: kube-system/{proxy}\n" +
            "evicting pod default/solo\n" +
            string.Concat(dns.Select(d => $"evicting pod kube-system/{d}\n")) +
            "pod/solo evicted\n" +
            string.Concat(dns.Select(d => $"pod/{d} evicted\n")) +
            "node/node-1 drained\n",
            forced.Output);
        cluster.RunUntilIdle();
        Assert.Null(cluster.Api.TryGet<Pod>("default", "solo"));
    }

    /// <summary>The node's kube-proxy pod, which drain ignores, and its CoreDNS pods, which it evicts along with the rest.</summary>
    private static (string Proxy, List<string> Dns) SystemPods(Playground.Core.Simulation.SimulatedCluster cluster, string node)
    {
        var pods = cluster.Api.List<Pod>("kube-system").Where(p => p.Spec.NodeName == node).ToList();
        return (pods.Single(p => p.Metadata.Labels!["k8s-app"] == "kube-proxy").Metadata.Name!,
            pods.Where(p => p.Metadata.Labels!["k8s-app"] == "kube-dns").Select(p => p.Metadata.Name!).ToList());
    }
}
