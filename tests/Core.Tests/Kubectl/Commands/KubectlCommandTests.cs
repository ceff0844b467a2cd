using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;

namespace Playground.Core.Tests.Kubectl.Commands;

public class KubectlCommandTests
{
    private readonly KubectlTerminal _terminal = new();

    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
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
                image: nginx:1.27
        """;

    [Fact]
    public void Create_deployment_builds_what_kubectl_builds_and_the_controllers_make_its_pods()
    {
        Assert.Equal("deployment.apps/web created\n", _terminal.Ok("kubectl create deployment web --image=nginx --replicas=3"));

        var d = _terminal.Cluster.Api.Get<Deployment>("default", "web");
        Assert.Equal("web", d.Metadata.Labels!["app"]);
        Assert.Equal("nginx", Assert.Single(d.Spec.Template.Spec.Containers).Name);
        Assert.Equal(3, _terminal.Cluster.Api.List<Pod>("default").Count);
        var rs = _terminal.Ok("kubectl get rs");
        Assert.StartsWith("NAME             DESIRED   CURRENT   READY   AGE\nweb-", rs);
    }

    [Fact]
    public void Apply_creates_then_reports_unchanged_then_configured()
    {
        Assert.Equal("deployment.apps/web created\n", _terminal.Ok($"kubectl apply -f - <<EOF\n{Web}\nEOF"));
        Assert.Equal("deployment.apps/web unchanged\n", _terminal.Ok($"cat <<EOF | kubectl apply -f -\n{Web}\nEOF"));
        Assert.Equal("deployment.apps/web configured\n", _terminal.Ok($"kubectl apply -f - <<EOF\n{Web.Replace("replicas: 2", "replicas: 4")}\nEOF"));

        var d = _terminal.Cluster.Api.Get<Deployment>("default", "web");
        Assert.Equal(4, d.Spec.Replicas);
        Assert.Contains("\"replicas\":4", d.Metadata.Annotations!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public void Apply_takes_several_documents_and_reports_each()
    {
        var output = _terminal.Ok($"kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n---\n{Web.Replace("  name: web\n", "  name: web\n  namespace: demo\n")}\nEOF");

        Assert.Equal("namespace/demo created\ndeployment.apps/web created\n", output);
        Assert.Equal(2, _terminal.Cluster.Api.Get<Deployment>("demo", "web").Spec.Replicas);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [x\n", "error: error parsing STDIN: error converting YAML to JSON: yaml: line ")]
    [InlineData("apiVersion: v9\nkind: Gadget\nmetadata:\n  name: g\n", "error: resource mapping not found for name: \"g\" namespace: \"\" from \"STDIN\": no matches for kind \"Gadget\" in version \"v9\"\nensure CRDs are installed first\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec: {}\n", "Error from server (BadRequest): error when creating \"STDIN\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"spec\"\n")]
    public void Apply_reports_bad_manifests_as_kubectl_does(string manifest, string expected)
    {
        var result = _terminal.Run($"kubectl apply -f - <<EOF\n{manifest}EOF");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.Output);
    }

    [Fact]
    public void Get_prints_tables_names_and_kubectls_messages_for_nothing_and_missing()
    {
        Assert.Equal("No resources found in default namespace.\n", _terminal.Ok("kubectl get pods"));
        var missing = _terminal.Run("kubectl get pod nope");
        Assert.Equal((1, "Error from server (NotFound): pods \"nope\" not found\n"), (missing.ExitCode, missing.Output));
        // The bootstrap made the service 90 s before the cluster was handed over.
        Assert.Equal("""
            NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   90s

            """, _terminal.Ok("kubectl get svc"));
        _terminal.Ok("kubectl create deployment web --image=nginx");
        Assert.Equal("deployment.apps/web\n", _terminal.Ok("kubectl get deploy -o name"));
        var all = _terminal.Ok("kubectl get all");
        Assert.Contains("\n\nNAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP", all);
        Assert.Contains("deployment.apps/web   ", all);
        Assert.Equal("error: the server doesn't have a resource type \"gadgets\"\n", _terminal.Run("kubectl get gadgets").Output);
    }

    [Fact]
    public void Get_yaml_of_one_object_is_the_object_and_of_a_list_is_a_List()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx");

        var one = _terminal.Ok("kubectl get deployment web -o yaml");
        var list = _terminal.Ok("kubectl get deployments -o yaml");

        Assert.StartsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n", one);
        Assert.Contains("  creationTimestamp: \"2024-05-01T12:00:00Z\"\n", one);
        Assert.DoesNotContain("managedFields", one);
        Assert.StartsWith("apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n", list);
        Assert.EndsWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n", list);
        Assert.StartsWith("{\n    \"apiVersion\": \"apps/v1\",\n    \"kind\": \"Deployment\",\n", _terminal.Ok("kubectl get deploy/web -o json"));
    }

    [Fact]
    public void Scale_set_image_history_and_undo_walk_a_deployment_through_revisions()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx:1.26");

        Assert.Equal("deployment.apps/web scaled\n", _terminal.Ok("kubectl scale deployment web --replicas=2"));
        Assert.Equal("deployment.apps/web image updated\n", _terminal.Ok("kubectl set image deployment/web nginx=nginx:1.27"));
        Assert.Equal("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n", _terminal.Ok("kubectl rollout history deployment/web"));
        Assert.Equal("deployment.apps/web rolled back\n", _terminal.Ok("kubectl rollout undo deployment/web"));

        var d = _terminal.Cluster.Api.Get<Deployment>("default", "web");
        Assert.Equal((2, "nginx:1.26"), (d.Spec.Replicas, d.Spec.Template.Spec.Containers[0].Image));
        Assert.Equal("error: unable to find container named \"apache\"\n", _terminal.Run("kubectl set image deploy/web apache=httpd").Output);
    }

    [Fact]
    public void Describe_deployment_names_its_replica_set_and_scaling_events()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx --replicas=2");

        var text = _terminal.Ok("kubectl describe deployment web");

        Assert.StartsWith("Name:                   web\nNamespace:              default\n", text);
        Assert.Matches(@"NewReplicaSet:   web-[a-z0-9]+ \(2/2 replicas created\)\n", text);
        Assert.Matches(@"  Normal  ScalingReplicaSet  \S+\s+deployment-controller  Scaled up replica set web-[a-z0-9]+ from 0 to 2\n$", text);
    }

    [Fact]
    public void Delete_reports_each_object_and_missing_ones()
    {
        _terminal.Ok("kubectl create namespace demo");

        Assert.Equal("namespace \"demo\" deleted\n", _terminal.Ok("kubectl delete ns demo"));
        var missing = _terminal.Run("kubectl delete pod nope");
        Assert.Equal((1, "Error from server (NotFound): pods \"nope\" not found\n"), (missing.ExitCode, missing.Output));
    }

    [Fact]
    public void Unknown_commands_and_flags_fail_with_kubectls_wording()
    {
        Assert.Equal((1, "error: unknown command \"foo\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\nRun 'kubectl --help' for usage.\n"), Pair(_terminal.Run("kubectl foo")));
        Assert.Equal((1, "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"), Pair(_terminal.Run("kubectl get pods --foo")));
        Assert.Equal((1, "error: required flag(s) \"image\" not set\n"), Pair(_terminal.Run("kubectl create deployment web")));
        Assert.Equal((127, "ls: command not found (this terminal runs kubectl, e.g. \"kubectl get pods\")\n"), Pair(_terminal.Run("ls -l")));
        Assert.Equal((0, "Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n"), Pair(_terminal.Run("kubectl version")));
    }

    private static (int, string) Pair(Playground.Core.Kubectl.KubectlResult result) => (result.ExitCode, result.Output);
}
