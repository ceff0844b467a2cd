using Playground.Core.Api.Core;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>kubectl run, checked against what kubectl v1.32 prints for the same command line.</summary>
public class RunCommandTests
{
    private readonly KubectlTerminal _terminal = new();

    [Fact]
    public void Dry_run_prints_the_pod_kubectl_generates()
    {
        Assert.Equal("""
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: web
              name: web
            spec:
              containers:
              - image: nginx
                name: web
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Always
            status: {}

            """, _terminal.Ok("kubectl run web --image=nginx --dry-run=client -o yaml"));
        Assert.Empty(_terminal.Cluster.Api.List<Pod>("default"));
    }

    [Fact]
    public void Flags_set_labels_env_port_pull_policy_and_restart_policy()
    {
        Assert.Equal("""
            apiVersion: v1
            kind: Pod
            metadata:
              annotations:
                a: b=c
              creationTimestamp: null
              labels:
                app: web
                tier: fe
              name: web
            spec:
              containers:
              - env:
                - name: A
                  value: "1"
                - name: B
                image: nginx
                imagePullPolicy: Always
                name: web
                ports:
                - containerPort: 80
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Never
            status: {}

            """, _terminal.Ok("kubectl run web --image=nginx --restart=Never --port=80 --labels=app=web,tier=fe --env=A=1 --env=B= --image-pull-policy=Always --annotations=a=b=c --dry-run=client -o yaml"));
    }

    [Fact]
    public void Arguments_after_the_name_are_args_or_with_command_the_command()
    {
        var args = _terminal.Ok("kubectl run web --image=busybox --dry-run=client -o yaml -- sleep 3600");
        var command = _terminal.Ok("kubectl run web --image=busybox --command --dry-run=client -o yaml -- sh -c \"echo hi\"");

        Assert.Contains("  - args:\n    - sleep\n    - \"3600\"\n    image: busybox\n", args);
        Assert.Contains("  - command:\n    - sh\n    - -c\n    - echo hi\n    image: busybox\n", command);
        Assert.Contains("  namespace: demo\n", _terminal.Ok("kubectl run web -n demo --image=nginx --dry-run=client -o yaml"));
        Assert.Equal("pod/web created (dry run)\n", _terminal.Ok("kubectl run web --image=nginx --dry-run=client"));
        Assert.Equal("pod/web\n", _terminal.Ok("kubectl run web --image=nginx --dry-run=client -o name"));
    }

    [Fact]
    public void Run_creates_a_bare_pod_that_the_kubelet_starts()
    {
        Assert.Equal("pod/web created\n", _terminal.Ok("kubectl run web --image=nginx --port=80"));
        _terminal.Settle();

        var pod = _terminal.Cluster.Api.Get<Pod>("default", "web");
        Assert.Equal(("web", "Always", "ClusterFirst", "Running"), (pod.Metadata.Labels!["run"], pod.Spec.RestartPolicy, pod.Spec.DnsPolicy, pod.Status!.Phase));
        Assert.Null(pod.Metadata.OwnerReferences);
        var created = _terminal.Cluster.Store.History(0).First(w => w.Kind == "Pod" && w.Key.Name == "web");
        Assert.Equal((WriteType.Added, "kubectl"), (created.Type, created.Actor));
        var result = _terminal.Run("kubectl run web --image=nginx");
        Assert.Equal((1, "Error from server (AlreadyExists): pods \"web\" already exists\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public void A_pod_that_never_restarts_completes_and_its_output_is_in_the_logs()
    {
        _terminal.Ok("kubectl run hello --image=busybox --restart=Never -- echo hi");
        _terminal.Settle();

        Assert.Equal("Succeeded", _terminal.Cluster.Api.Get<Pod>("default", "hello").Status!.Phase);
        Assert.Equal("hi\n", _terminal.Ok("kubectl logs hello"));
    }

    [Theory]
    [InlineData("kubectl run web", "error: required flag(s) \"image\" not set\n")]
    [InlineData("kubectl run --image=nginx", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n")]
    [InlineData("kubectl run web --image=", "error: --image is required\n")]
    [InlineData("kubectl run web --image=Nginx", "error: Invalid image name \"Nginx\": invalid reference format\n")]
    [InlineData("kubectl run web --image=nginx --restart=never", "error: invalid restart policy: never\nSee 'kubectl run -h' for help and examples\n")]
    [InlineData("kubectl run web --image=nginx --image-pull-policy=Sometimes", "error: invalid image pull policy: Sometimes\nSee 'kubectl run -h' for help and examples\n")]
    [InlineData("kubectl run web --image=nginx --labels=a=b=c", "error: unexpected label spec: a=b=c\n")]
    [InlineData("kubectl run web --image=nginx --labels==b", "error: unexpected empty label key\n")]
    [InlineData("kubectl run web --image=nginx --env=A", "error: invalid env: A\n")]
    [InlineData("kubectl run web --image=nginx --env=1A=x", "error: invalid env: 1A=x\n")]
    [InlineData("kubectl run web --image=nginx --annotations=bad", "error: invalid annotations format: bad\n")]
    [InlineData("kubectl run web --image=nginx --port=abc", "error: strconv.Atoi: parsing \"abc\": invalid syntax\n")]
    [InlineData("kubectl run web --image=nginx --rm", "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n")]
    [InlineData("kubectl run web --image=nginx -i --dry-run=client", "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n")]
    [InlineData("kubectl run web --image=nginx -o wide", "error: unable to match a printer suitable for the output format \"wide\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n")]
    public void Bad_input_gets_kubectls_message_and_creates_nothing(string commandLine, string message)
    {
        var result = _terminal.Run(commandLine);

        Assert.Equal((1, message), (result.ExitCode, result.Output));
        Assert.Empty(_terminal.Cluster.Api.List<Pod>("default"));
    }

    [Fact]
    public void Attaching_is_refused_with_a_clear_message()
    {
        var result = _terminal.Run("kubectl run -it shell --image=busybox --restart=Never -- sh");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot attach to a container", result.Output);
        Assert.Empty(_terminal.Cluster.Api.List<Pod>("default"));
    }
}
