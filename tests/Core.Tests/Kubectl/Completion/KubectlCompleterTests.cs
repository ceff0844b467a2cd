using Playground.Core.Kubectl.Completion;
using Playground.Core.Tests.Kubectl.Commands;

namespace Playground.Core.Tests.Kubectl.Completion;

public class KubectlCompleterTests
{
    private readonly KubectlTerminal _terminal = new();

    private IReadOnlyList<string> Complete(string textBeforeCursor)
    {
        var completion = KubectlCompleter.Complete(_terminal.Cluster.Api, textBeforeCursor);
        Assert.All(completion.Candidates, c => Assert.StartsWith(completion.Word, c, StringComparison.Ordinal));
        return completion.Candidates;
    }

    [Fact]
    public void The_first_word_completes_to_kubectl_and_the_second_to_its_verbs()
    {
        Assert.Equal(["kubectl"], Complete("kub"));
        Assert.Equal(["delete", "describe"], Complete("kubectl de"));
        Assert.Equal(["rollout"], Complete("k roll"));
        Assert.Contains("get", Complete("kubectl "));
        Assert.Contains("help", Complete("kubectl "));
        Assert.Empty(Complete("kubectl frob"));
    }

    [Fact]
    public void A_verb_with_sub_verbs_completes_them()
    {
        Assert.Equal(["status"], Complete("kubectl rollout st"));
        Assert.Equal(["configmap", "cronjob"], Complete("kubectl create c"));
        Assert.Equal(["image"], Complete("kubectl set i"));
    }

    [Fact]
    public void Kinds_complete_to_their_plural_and_to_a_short_name_when_no_plural_fits()
    {
        Assert.Equal(["deployments"], Complete("kubectl get depl"));
        Assert.Equal(["poddisruptionbudgets", "pods"], Complete("kubectl describe po"));
        Assert.Equal(["svc"], Complete("kubectl get sv"));
        Assert.Equal(["deployments"], Complete("kubectl scale --replicas=2 dep"));
    }

    [Fact]
    public void Names_come_from_the_live_cluster_in_the_namespace_the_line_names()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx --replicas=2");
        _terminal.Ok("kubectl create deployment worker --image=busybox");
        _terminal.Ok("kubectl create namespace shop");
        _terminal.Ok("kubectl create deployment cart -n shop --image=nginx");
        _terminal.Settle();

        Assert.Equal(["web", "worker"], Complete("kubectl get deployments w"));
        Assert.Equal(["web"], Complete("kubectl get deploy we"));
        Assert.Equal(["cart"], Complete("kubectl -n shop get deployments "));
        Assert.Equal(["cart"], Complete("kubectl get deploy --namespace=shop "));
        Assert.Equal(["cart", "coredns", "web", "worker"], Complete("kubectl get deploy -A "));
        Assert.Equal(["deploy/web", "deploy/worker"], Complete("kubectl rollout status deploy/w"));
        Assert.Equal(2, Complete("kubectl logs web-").Count);
        Assert.Equal(2, Complete("kubectl get pods web-").Count);
        Assert.Empty(Complete("kubectl get pods -n kube-system web"));
        Assert.Equal(["node-1", "node-2", "node-3"], Complete("kubectl drain "));
        Assert.Equal(["node-2"], Complete("kubectl taint nodes node-2"));
    }

    [Fact]
    public void Names_come_from_the_contexts_namespace_when_the_line_names_none()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx");
        _terminal.Ok("kubectl create namespace shop");
        _terminal.Ok("kubectl create deployment cart -n shop --image=nginx");

        Assert.Equal(["cart"], KubectlCompleter.Complete(_terminal.Cluster.Api, "kubectl get deploy ", "shop").Candidates);
        Assert.Equal(["web"], KubectlCompleter.Complete(_terminal.Cluster.Api, "kubectl get deploy -n default ", "shop").Candidates);
        Assert.Equal(["web"], KubectlCompleter.Complete(_terminal.Cluster.Api, "kubectl get deploy ", "").Candidates);
        Assert.Equal(["set-context"], Complete("kubectl config set-"));
        Assert.Equal(["shop"], Complete("kubectl config set-context --current --namespace=s").Select(c => c["--namespace=".Length..]));
    }

    [Fact]
    public void Flags_and_the_values_of_namespace_and_output_complete()
    {
        _terminal.Ok("kubectl create namespace shop");

        Assert.Equal(["--replicas"], Complete("kubectl scale deploy web --repl"));
        Assert.Contains("--all-namespaces", Complete("kubectl get pods --all"));
        Assert.Equal(["kube-node-lease", "kube-public", "kube-system"], Complete("kubectl get pods -n kube"));
        Assert.Equal(["--namespace=shop"], Complete("kubectl get pods --namespace=s"));
        Assert.Equal(["yaml"], Complete("kubectl get pods -o y"));
        Assert.Equal(["--output=json", "--output=jsonpath="], Complete("kubectl get pods --output=js"));
    }

    [Fact]
    public void Nothing_is_offered_where_kubectl_would_offer_nothing()
    {
        Assert.Empty(Complete("kubectl run we"));
        Assert.Empty(Complete("kubectl create deployment we"));
        Assert.Empty(Complete("kubectl exec web -- l"));
        Assert.Empty(Complete("kubectl get pods 'we"));
        Assert.Empty(Complete("echo ku"));
    }

    [Fact]
    public void Only_the_command_after_a_pipe_is_completed()
    {
        Assert.Equal(["apply"], Complete("cat <<EOF | kubectl app"));
    }
}
