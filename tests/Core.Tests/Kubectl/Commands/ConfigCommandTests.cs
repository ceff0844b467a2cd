using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Kubectl;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>kubectl config: the terminal's context and its namespace, checked against what kubectl v1.32 prints.</summary>
public class ConfigCommandTests
{
    private readonly KubectlTerminal _terminal = new();

    [Fact]
    public void Set_context_current_namespace_makes_commands_without_n_work_in_that_namespace()
    {
        _terminal.Ok("kubectl create namespace dev");
        _terminal.Ok("kubectl run in-default --image=nginx");

        Assert.Equal("Context \"playground\" modified.\n", _terminal.Ok("kubectl config set-context --current --namespace=dev"));
        Assert.Equal("dev", _terminal.Context.Namespace);
        Assert.Equal("No resources found in dev namespace.\n", _terminal.Ok("kubectl get pods"));
        Assert.Equal("deployment.apps/web created\n", _terminal.Ok("kubectl create deployment web --image=nginx"));
        _terminal.Settle();

        Assert.Equal("dev", _terminal.Cluster.Api.Get<Deployment>("dev", "web").Metadata.Namespace);
        Assert.Equal("horizontalpodautoscaler.autoscaling/web autoscaled\n", _terminal.Ok("kubectl autoscale deployment web --max=3"));
        Assert.Equal("horizontalpodautoscaler.autoscaling/web\n", _terminal.Ok("kubectl get hpa -n dev -o name"));
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-\S+\s+1/1\s+Running\s+0\s+\S+\n$", _terminal.Ok("kubectl get pods"));
        // -n and -A still win over the context, as in kubectl.
        Assert.Contains("in-default", _terminal.Ok("kubectl get pods -n default"));
        Assert.Contains("in-default", _terminal.Ok("kubectl get pods -A"));
        Assert.Equal("pod \"in-default\" deleted\n", _terminal.Ok("kubectl delete pod in-default --namespace default"));
    }

    [Fact]
    public void A_manifest_without_a_namespace_goes_to_the_contexts_and_one_with_a_namespace_keeps_it()
    {
        _terminal.Ok("kubectl create namespace dev");
        _terminal.Ok("kubectl config set-context --current --namespace dev");

        _terminal.Ok("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: here\nEOF");
        _terminal.Ok("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: there\n  namespace: default\nEOF");

        Assert.NotNull(_terminal.Cluster.Api.TryGet<ConfigMap>("dev", "here"));
        Assert.NotNull(_terminal.Cluster.Api.TryGet<ConfigMap>("default", "there"));
    }

    [Fact]
    public void View_minify_prints_the_kubeconfig_with_the_contexts_namespace_and_hides_the_credentials()
    {
        _terminal.Ok("kubectl config set-context --current --namespace=dev");

        Assert.Equal("""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: DATA+OMITTED
                server: https://127.0.0.1:6443
              name: playground
            contexts:
            - context:
                cluster: playground
                namespace: dev
                user: playground
              name: playground
            current-context: playground
            kind: Config
            preferences: {}
            users:
            - name: playground
              user:
                token: REDACTED

            """, _terminal.Ok("kubectl config view --minify"));
        Assert.Equal("dev", _terminal.Ok("kubectl config view --minify -o jsonpath='{..namespace}'"));
        Assert.Equal("playground", _terminal.Ok("kubectl config view -o jsonpath={.contexts[0].name}"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(_terminal.Ok("kubectl config view -o json"))!;
        Assert.Equal("dev", (string?)json["contexts"]![0]!["context"]!["namespace"]);
    }

    [Fact]
    public void Get_contexts_marks_the_current_one_and_shows_its_namespace()
    {
        var context = KubeconfigContext.ForSandbox("abc", "https://127.0.0.1:6443/sandboxes/abc", "dev");

        Assert.Equal("""
            CURRENT   NAME             CLUSTER          AUTHINFO         NAMESPACE
            *         playground-abc   playground-abc   playground-abc   dev

            """, _terminal.Cluster.Kubectl("kubectl config get-contexts", context: context).Output);
        Assert.Equal("playground-abc\n", _terminal.Cluster.Kubectl("kubectl config get-contexts -o name", context: context).Output);
        Assert.Equal("playground-abc\n", _terminal.Cluster.Kubectl("kubectl config current-context", context: context).Output);
        Assert.Equal("Switched to context \"playground-abc\".\n", _terminal.Cluster.Kubectl("kubectl config use-context playground-abc", context: context).Output);

        var missing = _terminal.Cluster.Kubectl("kubectl config get-contexts nope", context: context);
        Assert.Equal((1, "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context nope not found\n"), (missing.ExitCode, missing.Output));
    }

    [Fact]
    public void A_namespace_that_does_not_exist_is_accepted_and_an_empty_one_unsets_it()
    {
        Assert.Equal("Context \"playground\" modified.\n", _terminal.Ok("kubectl config set-context --current --namespace=nowhere"));
        Assert.Equal("No resources found in nowhere namespace.\n", _terminal.Ok("kubectl get pods"));

        _terminal.Ok("kubectl config set-context --current --namespace=");
        Assert.Equal("", _terminal.Context.Namespace);
        Assert.Equal("", _terminal.Ok("kubectl config view --minify -o jsonpath={..namespace}"));
        Assert.EndsWith("playground   \n", _terminal.Ok("kubectl config get-contexts"));
        Assert.Equal("No resources found in default namespace.\n", _terminal.Ok("kubectl get pods"));
    }

    [Fact]
    public void Other_commands_leave_the_context_as_it_was_even_when_they_fail()
    {
        _terminal.Ok("kubectl config set-context --current --namespace=dev");

        Assert.Equal("dev", _terminal.Run("kubectl get pods nope").Namespace);
        Assert.Equal("dev", _terminal.Run("kubectl frobnicate").Namespace);
        Assert.Equal("dev", _terminal.Run("ls").Namespace);
        Assert.Equal("dev", _terminal.Run("kubectl get pods -n other").Namespace);
        Assert.Equal("default", _terminal.Cluster.Kubectl("kubectl get pods").Namespace);
    }

    [Theory]
    [InlineData("kubectl config set-context --namespace=dev", "error: you must specify a non-empty context name or --current\n")]
    [InlineData("kubectl config set-context playground --current --namespace=dev", "error: you cannot specify both a context name and --current\n")]
    [InlineData("kubectl config set-context a b", "error: Unexpected args: [a b]\n")]
    [InlineData("kubectl config set-context other --namespace=dev",
        "error: this terminal has one context, \"playground\": change it with --current, e.g. kubectl config set-context --current --namespace=dev\n")]
    [InlineData("kubectl config use-context other", "error: no context exists with the name: \"other\"\n")]
    [InlineData("kubectl config view extra", "error: unexpected arguments: [extra]\nSee 'kubectl config view -h' for help and examples\n")]
    [InlineData("kubectl config get-contexts -o yaml", "error: --output yaml is not available in kubectl config get-contexts; resetting to default output format\n")]
    [InlineData("kubectl config frob", "error: unknown command \"frob\"\nSee 'kubectl config -h' for help and examples\n")]
    public void Bad_config_commands_say_what_is_wrong_and_change_nothing(string line, string expected)
    {
        var result = _terminal.Run(line);

        Assert.Equal((1, expected), (result.ExitCode, result.Output));
        Assert.Equal("default", _terminal.Context.Namespace);
    }

    [Fact]
    public void Config_is_listed_in_the_help_and_its_help_lists_the_sub_commands()
    {
        Assert.Matches(@"Other Commands:\n  api-resources .*\n  config +Modify kubeconfig files", _terminal.Ok("kubectl help"));
        var help = _terminal.Run("kubectl config").Output;
        foreach (var sub in new[] { "current-context", "get-contexts", "set-context", "use-context", "view" }) Assert.Contains($"\n  {sub} ", help);
        Assert.Empty(_terminal.Cluster.Api.List<Pod>("default"));
    }
}
