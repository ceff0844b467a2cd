namespace Playground.Core.Tests.ApiServer;

/// <summary>StatefulSet and DaemonSet manifests through kubectl: upstream's defaults, and refusals that write nothing.</summary>
public class AppsValidationTests
{
    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: nginx
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

    private const string DaemonSet = """
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
                image: busybox:1.36
        """;

    private static void Refused(string manifest, string message)
    {
        var cluster = TestCluster.Create(nodes: 0);
        var revision = cluster.Store.Revision;

        var result = cluster.Kubectl("kubectl apply -f -", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"Error from server (Invalid): error when creating \"STDIN\": {message}\n", result.Output);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void A_statefulset_whose_selector_does_not_match_its_template_is_refused() =>
        Refused(StatefulSet.Replace("        app: web\n    spec:", "        app: api\n    spec:"),
            "StatefulSet.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`");

    [Fact]
    public void An_unknown_pod_management_policy_is_refused() =>
        Refused(StatefulSet.Replace("  serviceName: nginx", "  serviceName: nginx\n  podManagementPolicy: Sometimes"),
            "StatefulSet.apps \"web\" is invalid: spec.podManagementPolicy: Invalid value: \"Sometimes\": must be 'OrderedReady' or 'Parallel'");

    [Fact]
    public void A_daemonset_that_may_neither_surge_nor_be_unavailable_is_refused() =>
        Refused(DaemonSet.Replace("spec:\n  selector", "spec:\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n  selector"),
            "DaemonSet.apps \"agent\" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0");

    [Fact]
    public void A_daemonset_with_an_empty_selector_is_refused() =>
        Refused(DaemonSet.Replace("  selector:\n    matchLabels:\n      app: agent\n", "  selector: {}\n"),
            "DaemonSet.apps \"agent\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset");

    [Fact]
    public void Upstreams_defaults_are_filled_in()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", StatefulSet).ExitCode);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", DaemonSet).ExitCode);

        var set = cluster.Api.Get<Api.Apps.StatefulSet>("default", "web").Spec;
        Assert.Equal((1, "OrderedReady", 10, "RollingUpdate", 0), (set.Replicas, set.PodManagementPolicy, set.RevisionHistoryLimit, set.UpdateStrategy!.Type, set.UpdateStrategy.RollingUpdate!.Partition));
        Assert.Equal(("Retain", "Retain"), (set.PersistentVolumeClaimRetentionPolicy!.WhenDeleted, set.PersistentVolumeClaimRetentionPolicy.WhenScaled));
        var ds = cluster.Api.Get<Api.Apps.DaemonSet>("default", "agent");
        Assert.Equal(("RollingUpdate", "1", "0", 10), (ds.Spec.UpdateStrategy!.Type, ds.Spec.UpdateStrategy.RollingUpdate!.MaxUnavailable.ToString(), ds.Spec.UpdateStrategy.RollingUpdate.MaxSurge.ToString(), ds.Spec.RevisionHistoryLimit));
        Assert.Equal("1", ds.Metadata.Annotations!["deprecated.daemonset.template.generation"]);
    }

    [Fact]
    public void Changing_a_statefulsets_service_name_is_forbidden()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", StatefulSet).ExitCode);
        var revision = cluster.Store.Revision;

        var result = cluster.Kubectl("kubectl apply -f -", StatefulSet.Replace("serviceName: nginx", "serviceName: other"));

        Assert.Equal("Error from server (Invalid): error when patching \"STDIN\": StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n", result.Output);
        Assert.Equal(revision, cluster.Store.Revision);
    }
}
