using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.EndpointSlices;
using Playground.Core.Networking.Proxy;
using static Playground.Core.Tests.Networking.NetworkScenario;

namespace Playground.Core.Tests.Networking;

public class ServiceTrafficTests
{
    [Fact]
    public void A_service_spreads_requests_over_its_ready_pods_and_drops_a_pod_that_turns_unready()
    {
        var cluster = Create();
        var pods = WebPods(cluster);
        Assert.Equal(3, pods.Count);

        var answered = Enumerable.Range(0, 30).Select(_ => Answerer(Run(cluster, "kubectl exec client -- curl -s http://web"))).ToList();
        Assert.Equal(pods.Select(p => p.Metadata.Name).Order(), answered.Distinct().Order());

        // The kubelet reports a failed readiness probe: Ready turns False through the status subresource.
        var dropped = pods[1];
        dropped.Status!.Conditions = dropped.Status.Conditions!.Select(c => c.Type is "Ready" or "ContainersReady"
            ? new Condition { Type = c.Type, Status = "False", Reason = "ContainersNotReady", LastTransitionTime = cluster.Clock.Now } : c).ToList();
        var unready = cluster.Api.UpdateStatus(dropped, new WriteContext($"kubelet/{dropped.Spec.NodeName}"));
        cluster.RunPending();

        // The EndpointSlice controller wrote the change, caused by the kubelet's status write.
        var sliceWrite = cluster.Store.History(0).Last(w => w.Kind == "EndpointSlice");
        Assert.Equal(EndpointSliceController.Actor, sliceWrite.Actor);
        Assert.Equal(long.Parse(unready.Metadata.ResourceVersion!), sliceWrite.Cause);
        var slice = Assert.Single(cluster.Api.List<EndpointSlice>("default", "kubernetes.io/service-name=web"));
        var endpoint = slice.Endpoints!.Single(e => e.TargetRef!.Name == dropped.Metadata.Name);
        Assert.Equal((false, false, false), (endpoint.Conditions!.Ready, endpoint.Conditions.Serving, endpoint.Conditions.Terminating));

        var after = Enumerable.Range(0, 30).Select(_ => Answerer(Run(cluster, "kubectl exec client -- curl -s web:80/"))).ToList();
        Assert.DoesNotContain(dropped.Metadata.Name, after);
        Assert.Equal(2, after.Distinct().Count());
        Assert.DoesNotContain(dropped.Status.PodIP!, cluster.Kubectl("kubectl get endpoints web").Output);
    }

    [Fact]
    public void No_ready_endpoints_or_a_port_the_service_does_not_offer_refuse_the_connection()
    {
        var cluster = Create();
        Run(cluster, "kubectl scale deployment web --replicas=0");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        var refused = cluster.Kubectl("kubectl exec client -- curl http://web");
        Assert.Equal(7, refused.ExitCode);
        Assert.Equal("curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n", refused.Output);
        var wrongPort = cluster.Kubectl("kubectl exec client -- curl http://web:8080");
        Assert.Equal(7, wrongPort.ExitCode);
        Assert.Contains("after 0 ms: Couldn't connect to server", wrongPort.Output);

        var slices = cluster.Kubectl("kubectl get endpointslices -l kubernetes.io/service-name=web").Output;
        Assert.Matches(@"^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nweb-[a-z0-9]{5}\s+IPv4\s+<unset>\s+<unset>\s+\S+\n$", slices);
    }

    [Fact]
    public void Exec_needs_the_program_in_the_image_and_answers_wget_and_curl_as_they_print()
    {
        var cluster = Create();
        var missing = cluster.Kubectl("kubectl exec box -- curl http://web");
        Assert.Equal(126, missing.ExitCode);
        Assert.Equal("OCI runtime exec failed: exec failed: unable to start container process: exec: \"curl\": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n", missing.Output);

        Assert.StartsWith("Hostname: web-", Run(cluster, "kubectl exec box -- wget -qO- http://web"));
        Assert.Equal("wget: bad address 'nope'\ncommand terminated with exit code 1\n", cluster.Kubectl("kubectl exec box -- wget -qO- http://nope").Output);
        Assert.Equal("curl: (6) Could not resolve host: nope\ncommand terminated with exit code 6\n", cluster.Kubectl("kubectl exec client -- curl http://nope").Output);

        var page = Run(cluster, "kubectl exec client -- curl -i localhost");
        Assert.StartsWith("HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\n", page);
        Assert.Contains("<h1>Welcome to nginx!</h1>", page);
        Assert.Equal("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
            cluster.Kubectl("kubectl exec client curl web").Output);
    }

    [Fact]
    public void NodePort_and_LoadBalancer_services_are_reachable_from_outside_addresses()
    {
        var cluster = Create("--port=80 --type=LoadBalancer");
        var service = cluster.Api.Get<Service>("default", "web");
        var nodePort = Assert.Single(service.Spec.Ports!).NodePort!.Value;
        Assert.InRange(nodePort, 30000, 32767);
        var lbIp = Assert.Single(service.Status!.LoadBalancer!.Ingress!).Ip;
        Assert.Equal("172.18.255.201", lbIp);
        var assigned = cluster.Store.History(0).Single(w => w.Kind == "Service" && w.Actor == "metallb-controller");
        Assert.Equal($"Assigned IP [\"{lbIp}\"]", cluster.Api.List<Event>("default").Single(e => e.Reason == "IPAllocated").Message);
        Assert.NotNull(assigned.Cause);
        Assert.Matches($@"web\s+LoadBalancer\s+10\.\S+\s+{lbIp!.Replace(".", "\\.")}\s+80:{nodePort}/TCP", Run(cluster, "kubectl get svc web"));

        var nodeIp = cluster.Api.Get<Node>(null, "node-2").Status!.Addresses!.First(a => a.Type == "InternalIP").Address;
        Assert.StartsWith("Hostname: web-", Run(cluster, $"kubectl exec client -- curl -s http://{nodeIp}:{nodePort}/"));
        Assert.StartsWith("Hostname: web-", Run(cluster, $"kubectl exec client -- curl -s http://{lbIp}"));
    }

    [Fact]
    public void Kube_proxy_rules_chain_services_to_endpoints_with_iptables_probabilities()
    {
        var cluster = Create();
        var rules = new KubeProxy(cluster.Api).RulesFor("node-1");
        var chain = new KubeProxy(cluster.Api).Chains().Single(c => c.Service == "web");
        Assert.Equal(3, chain.Endpoints.Count);
        Assert.Contains($"-A KUBE-SERVICES -d {chain.ClusterIp}/32 -p tcp -m comment --comment \"default/web cluster IP\" -m tcp --dport 80 -j {chain.SvcChain}\n", rules);
        Assert.Contains("-m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-", rules);
        Assert.Contains("-m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-", rules);
        Assert.Matches(@"^KUBE-SVC-[A-Z2-7]{16}$", chain.SvcChain);
        Assert.Contains($"-j DNAT --to-destination {chain.Endpoints[0].Address}", rules);
    }

    [Fact]
    public void A_powered_off_machine_answers_nothing_and_its_pods_cannot_be_exec_d_into()
    {
        var cluster = Create();
        var client = cluster.Api.Get<Pod>("default", "client");
        var web = WebPods(cluster).First(p => p.Spec.NodeName != client.Spec.NodeName);
        cluster.FailNode(web.Spec.NodeName!);

        var direct = cluster.Kubectl($"kubectl exec client -- curl http://{web.Status!.PodIP}");
        Assert.Equal($"curl: (7) Failed to connect to {web.Status.PodIP} port 80 after 127000 ms: Couldn't connect to server\ncommand terminated with exit code 7\n", direct.Output);
        var nodeIp = cluster.Api.Get<Node>(null, web.Spec.NodeName!).Status!.Addresses!.First(a => a.Type == "InternalIP").Address;
        Assert.Equal($"Error from server: error dialing backend: dial tcp {nodeIp}:10250: connect: no route to host\n",
            cluster.Kubectl($"kubectl exec {web.Metadata.Name} -- curl web").Output);
    }
}
