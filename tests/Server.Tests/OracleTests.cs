using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playground.Server.Tests;

/// <summary>
/// The oracle for the terminal (issue 4): on one settled sandbox with its clock paused, each read-only command of a
/// learner's journey prints in the in-browser engine what the real kubectl v1.32 prints against the API (ages aside).
/// top is compared in KubeApiMetricsTests. Not compared yet: explain (no /openapi yet), cluster-info and config (about
/// the kubeconfig, which the terminal has none of), and --sort-by on many equal keys (Go's unstable sort orders ties).
/// </summary>
public sealed class OracleTests(OracleTests.Sandbox sandbox) : IClassFixture<OracleTests.Sandbox>
{
    public static TheoryData<string> Commands() =>
    [
        // get, every kind, default and wide
        .. new[] { "pods", "deploy", "rs", "svc", "ep", "nodes", "ns", "events", "all", "cm", "secrets", "sa", "pvc", "jobs", "cronjobs", "ds", "sts", "hpa", "ingress" }
            .SelectMany(kind => new[] { $"get {kind}", $"get {kind} -o wide" }),
        // other output formats
        "get pods -o yaml", "get pods -o json", "get deploy web -o yaml", "get deploy web -o json", "get svc web -o yaml",
        "get cm settings -o yaml", "get secret creds -o json", "get job once -o yaml", "get cronjob tick -o yaml", "get ds agent -o yaml",
        "get hpa web -o yaml", "get pod {pod} -o yaml", "get node node-1 -o yaml", "get ns default -o yaml", "get ep web -o yaml",
        "get events -o yaml", "get all -o name", "get pods -o name", "get deploy,svc -o name",
        "get pods -o jsonpath='{.items[*].metadata.name}'",
        "get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\n\"}{end}'",
        "get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[*].image",
        "get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas",
        // labels and selectors
        "get pods --show-labels", "get deploy --show-labels", "get pods -L app", "get pods -L app,pod-template-hash",
        "get pods -L app -L tier --show-labels", "get pods --label-columns=app", "get pods -l app=web", "get pods -l 'app in (web,agent)'",
        "get pods -l app!=web", "get pods -l app=nosuch", "get pods -A", "get pods -n kube-system", "get ns kube-system -o name",
        "get pods --field-selector status.phase=Running", "get pods --field-selector spec.nodeName=node-1",
        "get pods --field-selector status.phase!=Running", "get pods --field-selector spec.restartPolicy=Always",
        "get svc --field-selector spec.type=ClusterIP", "get events --field-selector type=Normal",
        "get events --field-selector involvedObject.kind=Pod", "get events --field-selector reason=Scheduled,involvedObject.name={pod}",
        "get secrets --field-selector type=Opaque", "get nodes --field-selector spec.unschedulable=false",
        "get rs --field-selector status.replicas=3", "get jobs --field-selector status.successful=1",
        "get pods --field-selector foo=bar", "get pods --sort-by=.metadata.name",
        // describe
        "describe pod {pod}", "describe pod {agent}", "describe deployment web", "describe service web", "describe node node-1",
        "describe replicaset {rs}", "describe configmap settings", "describe namespace default", "describe secret creds",
        "describe job once", "describe cronjob tick", "describe ds agent", "describe hpa web", "describe sa default", "describe ep web",
        // logs, discovery
        "logs {pod}", "logs job/once", "logs deploy/web", "logs {pod} --tail=2", "logs {pod} -c nginx",
        "api-resources", "api-resources --namespaced=true", "api-resources -o wide", "api-resources -o name", "api-versions",
        "rollout status deploy/web", "rollout history deploy/web",
        // errors
        "get pod nosuch", "get pods nosuch other", "describe pod nosuch", "describe nosuch", "get foo", "get deploy nosuch -o yaml",
        "get pods -o foo", "get", "get pods -n nosuch", "logs nosuch", "logs deploy/nosuch", "delete pod nosuch", "delete deploy nosuch",
        // mutations that change nothing
        "create deployment x --image=nginx --dry-run=client -o yaml", "create deployment x --image=nginx --dry-run=client",
        "create configmap c --from-literal=a=b --dry-run=client -o yaml", "run p --image=nginx --dry-run=client -o yaml",
        "create job j --image=busybox --dry-run=client -o yaml",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_terminal_prints_what_real_kubectl_prints(string command)
    {
        command = sandbox.Resolve(command);
        var (code, output, error) = await sandbox.Kubectl.RunAsync(command);
        var (engineCode, engine) = await sandbox.EngineAsync(command);

        // kubectl logs says which pod it chose on stderr before it streams the logs.
        var real = command.StartsWith("logs ", StringComparison.Ordinal) ? error + output : output + error;
        Assert.True(code == engineCode && RealKubectl.WithoutAges(engine).SequenceEqual(RealKubectl.WithoutAges(real)),
            $"kubectl {command}\n--- real kubectl (exit {code}):\n{real}\n--- terminal (exit {engineCode}):\n{engine}");
    }

    [Fact]
    public async Task Version_reports_the_same_server()
    {
        var real = await sandbox.Kubectl.OkAsync("version");
        var (_, engine) = await sandbox.EngineAsync("version");

        static string Server(string text) => text.Split('\n').Single(l => l.StartsWith("Server Version:", StringComparison.Ordinal));
        Assert.Equal(Server(real), Server(engine));
    }

    /// <summary>
    /// One sandbox with a deployment of 3 behind a service, a configmap, a secret, a finished job, a cronjob, a daemonset
    /// and an HPA, settled two simulated minutes after they were made and paused there.
    /// </summary>
    public sealed class Sandbox : IAsyncLifetime
    {
        private PlaygroundServer _server = null!;
        private string _id = "", _token = "";
        private readonly Dictionary<string, string> _names = [];

        public RealKubectl Kubectl { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _server = await PlaygroundServer.StartAsync();
            (_id, _token) = await _server.CreateSandboxAsync();
            await ClockAsync("""{"paused": true}""");
            foreach (var command in new[]
            {
                "create deployment web --image=nginx --replicas=3", "expose deployment web --port=80",
                "create configmap settings --from-literal=mode=fast", "create secret generic creds --from-literal=password=s3cret",
                "create job once --image=busybox -- echo hi", "create cronjob tick --image=busybox --schedule='*/5 * * * *' -- date",
                "autoscale deployment web --min=2 --max=5 --cpu-percent=80",
            })
                await _server.KubectlOkAsync(_id, _token, "kubectl " + command);
            await _server.KubectlOkAsync(_id, _token, "kubectl apply -f -", """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  selector:
                    matchLabels:
                      app: agent
                  template:
                    metadata:
                      labels:
                        app: agent
                    spec:
                      containers:
                      - name: agent
                        image: busybox
                        command: ["sleep", "3600"]
                """);
            await ClockAsync("""{"advance": "2m"}""");
            Kubectl = await RealKubectl.ForAsync(_server, _id, _token);
            var pods = (await Kubectl.OkAsync("get pods -o name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => p["pod/".Length..]).ToList();
            _names["{pod}"] = pods.First(p => p.StartsWith("web-", StringComparison.Ordinal));
            _names["{agent}"] = pods.First(p => p.StartsWith("agent-", StringComparison.Ordinal));
            _names["{rs}"] = (await Kubectl.OkAsync("get rs -o name")).Trim()["replicaset.apps/".Length..];
        }

        public string Resolve(string command) => _names.Aggregate(command, (c, name) => c.Replace(name.Key, name.Value));

        public async Task<(int ExitCode, string Output)> EngineAsync(string command)
        {
            var response = await _server.KubectlAsync(_id, _token, "kubectl " + command);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("exitCode").GetInt32(), body.GetProperty("output").GetString()!);
        }

        private async Task ClockAsync(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sandboxes/{_id}/clock")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                Headers = { Authorization = new("Bearer", _token) },
            };
            var response = await _server.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        public async Task DisposeAsync()
        {
            Kubectl?.Dispose();
            await _server.DisposeAsync();
        }
    }
}
