using Playground.Core.Api.Networking;
using static Playground.Core.Tests.Networking.NetworkScenario;

namespace Playground.Core.Tests.Networking;

public class IngressTests
{
    private const string Routes = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - name: api
                image: hashicorp/http-echo
                args: ["-text=api"]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
          - name: http
            port: 8080
            targetPort: 5678
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: site
        spec:
          rules:
          - host: a.example
            http:
              paths:
              - path: /api
                pathType: Prefix
                backend:
                  service:
                    name: api
                    port:
                      name: http
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      number: 80
          - host: b.example
            http:
              paths:
              - path: /exact
                pathType: Exact
                backend:
                  service:
                    name: api
                    port:
                      number: 8080
        """;

    [Fact]
    public void Ingress_routes_by_host_and_path_through_the_ingress_controller_address()
    {
        var cluster = Create();
        Run(cluster, "kubectl apply -f -", Routes);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        var ingress = cluster.Api.Get<Ingress>("default", "site");
        var address = Assert.Single(ingress.Status!.LoadBalancer!.Ingress!).Ip;
        Assert.Equal("nginx-ingress-controller", cluster.Store.History(0).Last(w => w.Kind == "Ingress").Actor);
        Assert.Matches($@"^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE\nsite\s+nginx\s+a\.example,b\.example\s+{address!.Replace(".", "\\.")}\s+80\s+\S+\n$",
            Run(cluster, "kubectl get ingress"));
        Assert.Matches(@"nginx\s+k8s.io/ingress-nginx\s+<none>", Run(cluster, "kubectl get ingressclass"));

        string Curl(string host, string path) => cluster.Kubectl($"kubectl exec client -- curl -s -H 'Host: {host}' http://{address}{path}").Output;
        Assert.Equal("api\n", Curl("a.example", "/api"));
        Assert.Equal("api\n", Curl("a.example", "/api/v1"));
        Assert.StartsWith("Hostname: web-", Curl("a.example", "/apix"));                   // Prefix matches whole path elements
        Assert.StartsWith("Hostname: web-", Curl("a.example", "/"));
        Assert.Equal("api\n", Curl("b.example", "/exact"));
        Assert.Contains("<center>nginx</center>", Curl("b.example", "/exact/more"));       // the controller's own 404
        Assert.Contains("404 Not Found", Curl("c.example", "/"));
    }

    [Fact]
    public void An_ingress_path_without_a_path_type_is_refused_and_nothing_is_written()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var before = cluster.Store.Revision;
        var result = cluster.Kubectl("kubectl apply -f -", """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: bad
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    backend:
                      service:
                        name: web
                        port:
                          number: 80
            """);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified", result.Output);
        Assert.Equal(before, cluster.Store.Revision);
    }
}
