using Playground.Core.Api.Core;

namespace Playground.Core.Tests.Config;

public class AdmissionTests
{
    private const string Quota = """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: q}
        spec:
          hard: {pods: "2", count/deployments.apps: "1"}
        """;

    private static string Pod(string name, string resources = "") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}}
        spec:
          containers:
          - name: app
            image: nginx{{resources}}
        """;

    [Fact]
    public void A_create_past_a_quota_is_forbidden_with_upstreams_message_and_writes_nothing()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", Quota);
        cluster.Kubectl("kubectl apply -f -", Pod("a"));
        cluster.Kubectl("kubectl apply -f -", Pod("b"));
        cluster.RunUntilIdle();
        Assert.Matches(@"^NAME   AGE +REQUEST +LIMIT\nq      \d+s +count/deployments.apps: 0/1, pods: 2/2   \n$",
            cluster.Kubectl("kubectl get quota").Output);
        var before = cluster.Store.Revision;

        var refused = cluster.Kubectl("kubectl apply -f -", Pod("c"));

        Assert.Equal((1, "Error from server (Forbidden): error when creating \"STDIN\": pods \"c\" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2\n"),
            (refused.ExitCode, refused.Output));
        Assert.Equal(before, cluster.Store.Revision);
    }

    [Fact]
    public void Quota_usage_is_charged_on_admission_and_recounted_by_the_controller_when_objects_go()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", Quota);
        cluster.Kubectl("kubectl create deployment web --image=nginx");
        var refused = cluster.Kubectl("kubectl create deployment other --image=nginx");
        Assert.Equal("Error from server (Forbidden): deployments.apps \"other\" is forbidden: exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1\n", refused.Output);

        cluster.Kubectl("kubectl delete deployment web");
        cluster.RunUntilIdle();
        var used = cluster.Api.Get<ResourceQuota>("default", "q").Status!.Used!;
        Assert.Equal(("0", "0"), (used["count/deployments.apps"], used["pods"]));
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment other --image=nginx").ExitCode);
    }

    [Fact]
    public void A_limit_range_fills_in_default_requests_and_limits_and_refuses_containers_above_its_max()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: LimitRange
            metadata: {name: limits}
            spec:
              limits:
              - type: Container
                default: {cpu: 500m, memory: 256Mi}
                defaultRequest: {cpu: 100m}
                max: {cpu: "1"}
            """);
        cluster.Kubectl("kubectl apply -f -", Pod("a"));
        var pod = cluster.Api.Get<Pod>("default", "a");
        var resources = pod.Spec.Containers[0].Resources!;
        Assert.Equal(("500m", "256Mi"), (resources.Limits!["cpu"], resources.Limits["memory"]));
        Assert.Equal(("100m", "256Mi"), (resources.Requests!["cpu"], resources.Requests["memory"]));
        Assert.Equal("LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app", pod.Metadata.Annotations!["kubernetes.io/limit-ranger"]);
        Assert.Equal("Burstable", pod.Status!.QosClass);

        var before = cluster.Store.Revision;
        var refused = cluster.Kubectl("kubectl apply -f -", Pod("big", "\n    resources: {limits: {cpu: \"2\"}}"));
        Assert.Equal("Error from server (Forbidden): error when creating \"STDIN\": pods \"big\" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n", refused.Output);
        Assert.Equal(before, cluster.Store.Revision);
    }

    [Fact]
    public void A_pod_naming_a_missing_service_account_is_forbidden()
    {
        var cluster = TestCluster.Create();
        var refused = cluster.Kubectl("kubectl apply -f -", Pod("a").Replace("  containers:", "  serviceAccountName: robot\n  containers:"));
        Assert.Equal("Error from server (Forbidden): error when creating \"STDIN\": pods \"a\" is forbidden: error looking up service account default/robot: serviceaccount \"robot\" not found\n", refused.Output);
        cluster.Kubectl("kubectl apply -f -", Pod("b"));
        Assert.Equal("default", cluster.Api.Get<Pod>("default", "b").Spec.ServiceAccountName);
    }
}
