using static Playground.Core.Tests.Networking.NetworkScenario;

namespace Playground.Core.Tests.Networking;

public class DnsTests
{
    private const string Headless = """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
        spec:
          clusterIP: None
          selector:
            app: db
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: db-0
          labels:
            app: db
        spec:
          hostname: db-0
          subdomain: db
          containers:
          - name: web
            image: nginx
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: ext
        spec:
          type: ExternalName
          externalName: example.com
        """;

    [Fact]
    public void Service_headless_pod_and_external_names_resolve_and_unknown_names_are_nxdomain()
    {
        var cluster = Create();
        Run(cluster, "kubectl create namespace other");
        Run(cluster, "kubectl apply -f -", Headless);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        var clusterIp = cluster.Api.Get<Api.Core.Service>("default", "web").Spec.ClusterIP;
        var dbIp = cluster.Api.Get<Api.Core.Pod>("default", "db-0").Status!.PodIP;

        Assert.Equal($"Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: {clusterIp}\n\n",
            Run(cluster, "kubectl exec box -- nslookup web"));
        Assert.Contains($"Name:\tweb.default.svc.cluster.local\nAddress: {clusterIp}\n", Run(cluster, "kubectl exec box -- nslookup web.default"));
        Assert.Contains("Address: 10.96.0.1\n", Run(cluster, "kubectl exec box -- nslookup kubernetes.default.svc.cluster.local"));
        Assert.Contains($"Name:\tdb.default.svc.cluster.local\nAddress: {dbIp}\n", Run(cluster, "kubectl exec box -- nslookup db"));
        Assert.Contains($"Name:\tdb-0.db.default.svc.cluster.local\nAddress: {dbIp}\n", Run(cluster, "kubectl exec box -- nslookup db-0.db"));
        var dashed = dbIp!.Replace('.', '-');
        Assert.Contains($"Address: {dbIp}\n", Run(cluster, $"kubectl exec box -- nslookup {dashed}.default.pod.cluster.local"));
        Assert.Contains("ext.default.svc.cluster.local\tcanonical name = example.com\n", Run(cluster, "kubectl exec box -- nslookup ext"));

        var missing = cluster.Kubectl("kubectl exec box -- nslookup nope");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n", missing.Output);
        Assert.EndsWith("command terminated with exit code 1\n", missing.Output);
        // Short names resolve in the pod's own namespace only.
        Assert.Equal(1, cluster.Kubectl("kubectl exec box -- nslookup web.other").ExitCode);
        Assert.Contains("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
            Run(cluster, "kubectl exec box -- cat /etc/resolv.conf"));
        Assert.Contains("Welcome to nginx!", Run(cluster, "kubectl exec client -- curl -s http://db-0.db"));
    }
}
