using Playground.Core.Api.Core;
using Playground.Core.ApiServer;

namespace Playground.Core.Tests.Networking;

public class ServiceTypeTests
{
    private static string NodePortService(string name, int nodePort) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
        spec:
          type: NodePort
          selector:
            app: web
          ports:
          - port: 80
            nodePort: {nodePort}
        """;

    [Fact]
    public void A_taken_or_out_of_range_node_port_is_refused_and_changing_the_type_gives_node_ports_back()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", NodePortService("a", 30080)).ExitCode);
        var before = cluster.Store.Revision;

        var taken = cluster.Kubectl("kubectl apply -f -", NodePortService("b", 30080));
        Assert.Equal(1, taken.ExitCode);
        Assert.Contains("spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated", taken.Output);
        var outside = cluster.Kubectl("kubectl apply -f -", NodePortService("c", 80));
        Assert.Contains("spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767", outside.Output);
        Assert.Equal(before, cluster.Store.Revision);

        var service = cluster.Api.Get<Service>("default", "a");
        service.Spec.Type = "ClusterIP";
        cluster.Api.Update(service, WriteContext.Kubectl);
        Assert.Null(cluster.Api.Get<Service>("default", "a").Spec.Ports![0].NodePort);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", NodePortService("b", 30080)).ExitCode);

        var headless = cluster.Kubectl("kubectl expose service b --name=h --cluster-ip=None --type=NodePort");
        Assert.Contains("spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services", headless.Output);
    }

    [Fact]
    public void Expose_creates_a_service_selecting_the_deployments_pods_and_headless_and_external_name_services_print_as_kubectl_does()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --port=80").ExitCode);
        var exposed = cluster.Kubectl("kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort");
        Assert.Equal("service/web exposed\n", exposed.Output);
        var web = cluster.Api.Get<Service>("default", "web");
        Assert.Equal(("web", 8080, 80, "NodePort"), (web.Spec.Selector!["app"], web.Spec.Ports![0].Port, web.Spec.Ports[0].TargetPort!.Value.IntValue, web.Spec.Type));
        Assert.Equal("kubectl", cluster.Store.History(0).Single(w => w.Kind == "Service" && w.Key.Name == "web").Actor);

        Assert.Equal(0, cluster.Kubectl("kubectl expose deployment web --name=web-headless --port=80 --cluster-ip=None").ExitCode);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Service
            metadata:
              name: ext
            spec:
              type: ExternalName
              externalName: example.com
            """).ExitCode);
        var table = cluster.Kubectl("kubectl get svc web-headless ext").Output;
        Assert.Matches(@"web-headless\s+ClusterIP\s+None\s+<none>\s+80/TCP", table);
        Assert.Matches(@"ext\s+ExternalName\s+<none>\s+example\.com\s+<none>", table);
    }

    [Fact]
    public void Reapplying_a_service_keeps_its_cluster_ip_and_node_port_and_turning_it_into_a_node_port_allocates_one()
    {
        var cluster = TestCluster.Create(nodes: 0);
        string Manifest(string type) => $"""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: {type}
              selector:
                app: web
              ports:
              - port: 80
            """;
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest("ClusterIP")).ExitCode);
        var clusterIp = cluster.Api.Get<Service>("default", "web").Spec.ClusterIP;
        Assert.Equal("service/web configured\n", cluster.Kubectl("kubectl apply -f -", Manifest("NodePort")).Output);
        var nodePort = cluster.Api.Get<Service>("default", "web");
        Assert.Equal(clusterIp, nodePort.Spec.ClusterIP);
        Assert.InRange(nodePort.Spec.Ports![0].NodePort!.Value, 30000, 32767);

        var replaced = cluster.Api.Get<Service>("default", "web");
        replaced.Spec.ClusterIP = null;
        replaced.Spec.ClusterIPs = null;
        replaced.Spec.Ports![0].NodePort = null;
        cluster.Api.Update(replaced, WriteContext.Kubectl);
        var kept = cluster.Api.Get<Service>("default", "web");
        Assert.Equal((clusterIp, nodePort.Spec.Ports[0].NodePort), (kept.Spec.ClusterIP, kept.Spec.Ports![0].NodePort));
    }
}
