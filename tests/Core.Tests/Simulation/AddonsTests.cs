using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Core.Tests.Networking;

namespace Playground.Core.Tests.Simulation;

/// <summary>kubeadm's add-ons in a new cluster: kube-proxy on every node, CoreDNS behind the kube-dns Service, brought up by the control plane.</summary>
public class AddonsTests
{
    private static List<Pod> SystemPods(SimulatedCluster cluster, string app) =>
        cluster.Api.List<Pod>("kube-system", $"k8s-app={app}").OrderBy(p => p.Spec.NodeName, StringComparer.Ordinal).ToList();

    private const string Grab = """
        apiVersion: v1
        kind: Service
        metadata:
          name: grab
        spec:
          clusterIP: 10.96.0.10
          ports:
          - port: 53
        """;

    private static string Run(SimulatedCluster cluster, string line, string? stdin = null)
    {
        var result = cluster.Kubectl(line, stdin);
        Assert.True(result.ExitCode == 0, $"{line} failed: {result.Output}");
        return result.Output;
    }

    [Fact]
    public void A_new_cluster_is_handed_over_with_kube_proxy_on_every_node_and_two_coredns_replicas_running()
    {
        var cluster = TestCluster.Create();

        Assert.Equal(TestCluster.Start, cluster.Clock.Now);
        var proxies = SystemPods(cluster, "kube-proxy");
        Assert.Equal(["node-1", "node-2", "node-3"], proxies.Select(p => p.Spec.NodeName));
        Assert.All(proxies, p =>
        {
            Assert.Equal(("registry.k8s.io/kube-proxy:v1.32.2", true), (p.Spec.Containers[0].Image, p.Spec.HostNetwork));
            Assert.Equal(p.Status!.HostIP, p.Status.PodIP);
            Assert.Contains(p.Spec.Tolerations!, t => t is { Key: null, Operator: "Exists", Effect: null });
        });
        var dns = SystemPods(cluster, "kube-dns");
        Assert.Equal(2, dns.Count);
        Assert.Equal(2, dns.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.All(dns, p =>
        {
            Assert.Equal("registry.k8s.io/coredns/coredns:v1.11.3", p.Spec.Containers[0].Image);
            Assert.Equal(["dns:53/UDP", "dns-tcp:53/TCP", "metrics:9153/TCP"], p.Spec.Containers[0].Ports!.Select(c => $"{c.Name}:{c.Number}/{c.Protocol}"));
            Assert.Contains(p.Spec.Tolerations!, t => (t.Key, t.Operator) == ("CriticalAddonsOnly", "Exists"));
            Assert.Contains(p.Spec.Tolerations!, t => (t.Key, t.Effect) == ("node-role.kubernetes.io/control-plane", "NoSchedule"));
        });
        Assert.All(proxies.Concat(dns), p => Assert.True(p.Status!.Phase == "Running" && p.Status.ContainerStatuses![0].Ready, $"{p.Metadata.Name} is not running and ready"));
        Assert.Matches(@"^NAME\s+READY   STATUS    RESTARTS   AGE\n(coredns-\w+-\w+\s+1/1     Running   0          \d+s\n){2}(kube-proxy-\w+\s+1/1     Running   0          \d+s\n){3}$",
            Run(cluster, "kubectl get pods -n kube-system"));
    }

    [Fact]
    public void Kubeadm_writes_the_addons_and_the_controllers_scheduler_and_kubelets_bring_their_pods_up()
    {
        var cluster = TestCluster.Create();
        var history = cluster.Store.History(0);

        Assert.Equal(
            ["serviceaccounts/coredns", "configmaps/coredns", "deployments/coredns", "services/kube-dns", "serviceaccounts/kube-proxy", "configmaps/kube-proxy", "daemonsets/kube-proxy"],
            history.Where(w => w.Actor == "kubeadm").Select(w => $"{w.Key.Resource}/{w.Key.Name}"));
        Assert.All(history.Where(w => w.Actor == "kubeadm"), w => Assert.Equal(("kube-system", WriteType.Added), (w.Key.Namespace, w.Type)));
        var pods = history.Where(w => w.Kind == "Pod" && w.Type == WriteType.Added).ToList();
        Assert.Equal(["daemonset-controller", "replicaset-controller"], pods.Select(w => w.Actor).Distinct().Order());
        foreach (var pod in cluster.Api.List<Pod>("kube-system"))
        {
            var writes = history.Where(w => w.Key.Resource == "pods" && w.Key.Name == pod.Metadata.Name).ToList();
            Assert.Contains(writes, w => w.Actor == "default-scheduler");
            Assert.Equal($"kubelet/{pod.Spec.NodeName}", writes.Last().Actor);
        }
        Assert.Equal((2, 2), (cluster.Api.Get<Deployment>("kube-system", "coredns").Status!.ReadyReplicas, cluster.Api.Get<Deployment>("kube-system", "coredns").Status!.AvailableReplicas));
        Assert.Equal((3, 3), (cluster.Api.Get<DaemonSet>("kube-system", "kube-proxy").Status!.NumberReady, cluster.Api.Get<DaemonSet>("kube-system", "kube-proxy").Status!.DesiredNumberScheduled));
    }

    [Fact]
    public void The_kube_dns_service_holds_the_resolv_conf_address_and_its_endpoints_are_the_coredns_pods()
    {
        var cluster = TestCluster.Create();

        var service = cluster.Api.Get<Service>("kube-system", "kube-dns");
        Assert.Equal("10.96.0.10", service.Spec.ClusterIP);
        Assert.Equal(["dns:53/UDP->53", "dns-tcp:53/TCP->53", "metrics:9153/TCP->9153"], service.Spec.Ports!.Select(p => $"{p.Name}:{p.Port}/{p.Protocol}->{p.TargetPort}"));
        Assert.Equal("10.96.0.1", cluster.Api.Get<Service>("default", "kubernetes").Spec.ClusterIP);
        var endpoints = cluster.Api.Get<Endpoints>("kube-system", "kube-dns");
        var subset = Assert.Single(endpoints.Subsets!);
        Assert.Equal(SystemPods(cluster, "kube-dns").Select(p => p.Status!.PodIP).Order(), subset.Addresses!.Select(a => a.Ip).Order());
        Assert.Equal("kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   90s",
            Run(cluster, "kubectl get svc -n kube-system").Split('\n')[1]);
    }

    [Fact]
    public void No_other_service_is_given_the_kube_dns_address_even_after_a_restore()
    {
        var cluster = TestCluster.Create();

        var taken = cluster.Kubectl("kubectl apply -f -", Grab);
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("failed to allocate IP 10.96.0.10: provided IP is already allocated", taken.Output);
        var restored = SimulatedCluster.Restore(new ClusterState(cluster.Clock.Now, cluster.Store.Revision, [.. cluster.Store.All()], cluster.Options));
        Assert.True(restored.Ips.ClusterIpInUse("10.96.0.10"));
        Assert.Throws<ApiException>(() => restored.Api.Create(new Service
        {
            Metadata = new() { Name = "grab", Namespace = "default" },
            Spec = new ServiceSpec { ClusterIP = "10.96.0.10", Ports = [new ServicePort { Port = 53 }] },
        }, WriteContext.Kubectl));
    }

    [Fact]
    public void Kube_proxy_stays_on_a_tainted_node_and_follows_a_new_node()
    {
        var cluster = TestCluster.Create();
        Run(cluster, "kubectl taint nodes node-3 maintenance=now:NoExecute");
        Run(cluster, "kubectl cordon node-3");

        cluster.AddNode();
        cluster.RunUntilIdle(TimeSpan.FromMinutes(2));

        Assert.Equal(["node-1", "node-2", "node-3", "node-4"], SystemPods(cluster, "kube-proxy").Select(p => p.Spec.NodeName));
        Assert.All(SystemPods(cluster, "kube-proxy"), p => Assert.Equal("Running", p.Status!.Phase));
    }

    [Fact]
    public void Nslookup_names_the_kube_dns_address_and_fails_while_coredns_is_scaled_to_zero()
    {
        var cluster = TestCluster.Create();
        Run(cluster, "kubectl apply -f -", NetworkScenario.Clients);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        Assert.Equal("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkube-dns.kube-system.svc.cluster.local\nAddress: 10.96.0.10\n\n",
            Run(cluster, "kubectl exec box -- nslookup kube-dns.kube-system"));
        Assert.Contains("nameserver 10.96.0.10\n", Run(cluster, "kubectl exec box -- cat /etc/resolv.conf"));

        Run(cluster, "kubectl scale deployment coredns -n kube-system --replicas=0");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        var down = cluster.Kubectl("kubectl exec box -- nslookup kubernetes.default");
        Assert.Equal(1, down.ExitCode);
        Assert.StartsWith(";; connection timed out; no servers could be reached\n", down.Output);

        Run(cluster, "kubectl scale deployment coredns -n kube-system --replicas=2");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        Assert.Contains("Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n", Run(cluster, "kubectl exec box -- nslookup kubernetes.default"));
    }

    [Fact]
    public void The_addon_containers_log_what_kube_proxy_and_coredns_print_at_startup()
    {
        var cluster = TestCluster.Create();
        var proxy = SystemPods(cluster, "kube-proxy")[0];
        var dns = SystemPods(cluster, "kube-dns")[0];

        var proxyLog = Run(cluster, $"kubectl logs -n kube-system {proxy.Metadata.Name}");
        Assert.Contains($"\"Successfully retrieved node IP(s)\" IPs=[\"{proxy.Status!.HostIP}\"]", proxyLog);
        Assert.Contains("\"Using iptables Proxier\"", proxyLog);
        Assert.Contains("\"Version info\" version=\"v1.32.2\"", proxyLog);
        Assert.Equal(".:53", Run(cluster, $"kubectl logs -n kube-system {dns.Metadata.Name}").Split('\n')[0]);
        Assert.Contains("CoreDNS-1.11.3\n", Run(cluster, $"kubectl logs -n kube-system {dns.Metadata.Name}"));
        // As kubectl does for any workload: one of its pods, named first.
        Assert.StartsWith("Found 3 pods, using pod/kube-proxy-", Run(cluster, "kubectl logs -n kube-system ds/kube-proxy"));
        Assert.StartsWith("Found 2 pods, using pod/coredns-", Run(cluster, "kubectl logs -n kube-system svc/kube-dns"));
    }
}
