using System.Text.RegularExpressions;

namespace Playground.Core.Tests.Kubectl.Commands;

/// <summary>The workflow a learner follows, as the whole cluster (controllers, scheduler, kubelets) carries it out.</summary>
public class TextbookFlowTests
{
    private readonly KubectlTerminal _terminal = new();

    [Fact]
    public void A_deployment_rolls_out_to_running_pods_behind_a_service()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80");
        Assert.StartsWith("Waiting for deployment \"web\" rollout to finish: 0 of 3 updated replicas are available...", _terminal.Ok("kubectl rollout status deployment/web"));
        _terminal.Ok("kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 80\nEOF");
        _terminal.Settle();

        Assert.Equal("deployment \"web\" successfully rolled out\n", _terminal.Ok("kubectl rollout status deployment/web"));
        var pods = _terminal.Ok("kubectl get pods").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("NAME                   READY   STATUS    RESTARTS   AGE", pods[0]);
        Assert.All(pods.Skip(1), row => Assert.Matches(@"^web-[a-z0-9]+-[a-z0-9]{5}   1/1     Running   0          \S+$", row));
        Assert.Matches(@"^NAME   ENDPOINTS +AGE\nweb    (10\.244\.\d+\.\d+:80,){2}10\.244\.\d+\.\d+:80   \S+\n$", _terminal.Ok("kubectl get endpoints web"));
    }

    [Fact]
    public void Describe_pod_tells_the_story_of_scheduling_pulling_and_starting()
    {
        _terminal.Ok("kubectl create deployment web --image=nginx:1.27");
        _terminal.Settle();

        var text = _terminal.Ok("kubectl describe pods web");

        Assert.Matches(@"\nStatus:           Running\n", text);
        Assert.Matches(@"\nControlled By:  ReplicaSet/web-[a-z0-9]+\n", text);
        var reasons = Regex.Matches(text[text.IndexOf("Events:", StringComparison.Ordinal)..], @"\n  Normal  (\w+) ").Select(m => m.Groups[1].Value);
        Assert.Equal(["Scheduled", "Pulling", "Pulled", "Created", "Started"], reasons);
    }
}
