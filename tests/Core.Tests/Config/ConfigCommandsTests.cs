using Playground.Core.Api.Core;

namespace Playground.Core.Tests.Config;

public class ConfigCommandsTests
{
    private static string EchoPod(string env) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: echo}
        spec:
          restartPolicy: Never
          containers:
          - name: echo
            image: busybox
            command: ["sh", "-c", "echo $GREETING $PASSWORD"]
            env:
        {{env}}
        """;

    [Fact]
    public void Configmaps_and_secrets_from_literals_reach_a_containers_environment()
    {
        var cluster = TestCluster.Create();
        Assert.Equal("configmap/settings created\n", cluster.Kubectl("kubectl create configmap settings --from-literal=greeting=hello --from-literal=mode=fast").Output);
        Assert.Equal("secret/login created\n", cluster.Kubectl("kubectl create secret generic login --from-literal=password=s3cret").Output);

        var yaml = cluster.Kubectl("kubectl get secret login -o yaml").Output;
        Assert.Contains("data:\n  password: czNjcmV0\nkind: Secret\n", yaml);
        Assert.EndsWith("type: Opaque\n", yaml);
        Assert.Equal("Name:         login\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n",
            cluster.Kubectl("kubectl describe secret login").Output);
        Assert.Equal("NAME    TYPE     DATA   AGE\nlogin   Opaque   1      0s\n", cluster.Kubectl("kubectl get secrets").Output);

        cluster.Kubectl("kubectl apply -f -", EchoPod("""
                - name: GREETING
                  valueFrom: {configMapKeyRef: {name: settings, key: greeting}}
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: login, key: password}}
            """));
        cluster.RunUntilIdle();
        Assert.Equal("hello s3cret\n", cluster.Kubectl("kubectl logs echo").Output);
    }

    [Fact]
    public void A_missing_reference_keeps_the_container_in_CreateContainerConfigError_with_the_kubelets_message()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create configmap settings --from-literal=other=x");
        cluster.Kubectl("kubectl apply -f -", EchoPod("""
                - name: GREETING
                  valueFrom: {configMapKeyRef: {name: settings, key: greeting}}
            """));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        var waiting = cluster.Api.Get<Pod>("default", "echo").Status!.ContainerStatuses![0].State!.Waiting!;
        Assert.Equal(("CreateContainerConfigError", "couldn't find key greeting in ConfigMap default/settings"), (waiting.Reason, waiting.Message));

        cluster.Kubectl("kubectl delete pod echo --grace-period=0 --force");
        cluster.Kubectl("kubectl apply -f -", EchoPod("""
                - name: PASSWORD
                  valueFrom: {secretKeyRef: {name: nothere, key: password}}
            """));
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        waiting = cluster.Api.Get<Pod>("default", "echo").Status!.ContainerStatuses![0].State!.Waiting!;
        Assert.Equal(("CreateContainerConfigError", "secret \"nothere\" not found"), (waiting.Reason, waiting.Message));
    }

    [Fact]
    public void Label_annotate_and_patch_change_the_live_object_as_kubectl_does()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx");

        Assert.Equal("deployment.apps/web labeled\n", cluster.Kubectl("kubectl label deployment web tier=front").Output);
        var refused = cluster.Kubectl("kubectl label deployment web tier=back");
        Assert.Equal((1, "error: 'tier' already has a value (front), and --overwrite is false\n"), (refused.ExitCode, refused.Output));
        Assert.Equal("deployment.apps/web labeled\n", cluster.Kubectl("kubectl label deployment web tier=back --overwrite").Output);
        Assert.Equal("deployment.apps/web not labeled\n", cluster.Kubectl("kubectl label deployment web tier=back --overwrite").Output);
        Assert.Equal("deployment.apps/web unlabeled\n", cluster.Kubectl("kubectl label deploy/web tier-").Output);
        Assert.Equal("deployment.apps/web annotated\n", cluster.Kubectl("kubectl annotate deployment web owner=team-a").Output);

        Assert.Equal("deployment.apps/web patched\n", cluster.Kubectl("""kubectl patch deployment web -p '{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'""").Output);
        var deployment = cluster.Api.Get<Api.Apps.Deployment>("default", "web");
        Assert.Equal((3, "nginx:1.27"), (deployment.Spec.Replicas, deployment.Spec.Template.Spec.Containers.Single().Image));
        Assert.Equal("deployment.apps/web patched (no change)\n", cluster.Kubectl("""kubectl patch deployment web --type merge -p '{"spec":{"replicas":3}}'""").Output);
        cluster.Kubectl("""kubectl patch deployment web --type json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'""");
        Assert.Equal(1, cluster.Api.Get<Api.Apps.Deployment>("default", "web").Spec.Replicas);
        Assert.Equal("team-a", cluster.Api.Get<Api.Apps.Deployment>("default", "web").Metadata.Annotations!["owner"]);

        var invalid = cluster.Kubectl("""kubectl patch deployment web --type merge -p '{"spec":{"replicas":-1}}'""");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0", invalid.Output);
        Assert.Equal(1, cluster.Api.Get<Api.Apps.Deployment>("default", "web").Spec.Replicas);

        var edit = cluster.Kubectl("kubectl edit deployment web");
        Assert.Equal(1, edit.ExitCode);
        Assert.Contains("kubectl apply -f -", edit.Output);
    }

    [Theory]
    [InlineData("replicas: two", "Deployment in version \"v1\" cannot be handled as a Deployment")]
    [InlineData("replica: 2", "strict decoding error: unknown field \"spec.replica\"")]
    [InlineData("selector: {matchLabels: {app: other}}", "`selector` does not match template `labels`")]
    [InlineData("selector: {matchExpressions: [{key: app, operator: Near}]}", "spec.selector.matchExpressions[0].operator: Invalid value: \"Near\": not a valid selector operator")]
    public void Bad_manifests_are_refused_with_upstreams_message_and_write_nothing(string line, string message)
    {
        var cluster = TestCluster.Create();
        var before = cluster.Store.Revision;
        var result = cluster.Kubectl("kubectl apply -f -", $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              {{{line}}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            """ + (line.StartsWith("selector", StringComparison.Ordinal) ? "" : "\n  selector: {matchLabels: {app: web}}"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.Equal(before, cluster.Store.Revision);
    }
}
