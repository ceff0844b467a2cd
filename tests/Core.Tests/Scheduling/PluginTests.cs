using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Scheduling;
using Playground.Core.Scheduling.Framework;
using Playground.Core.Scheduling.Plugins;
using NodeAffinity = Playground.Core.Api.Core.NodeAffinity;
using NodeAffinityPlugin = Playground.Core.Scheduling.Plugins.NodeAffinity;

namespace Playground.Core.Tests.Scheduling;

public class PluginTests
{
    private static Node Node(string name = "node-1", string cpu = "2", string memory = "4Gi", string pods = "110") => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new() { ["kubernetes.io/hostname"] = name } },
        Status = new NodeStatus { Allocatable = new() { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = pods } },
    };

    private static Container Container(string name, string? cpu = null, string? memory = null, string? restartPolicy = null) => new()
    {
        Name = name,
        Image = "nginx",
        RestartPolicy = restartPolicy,
        Resources = new ResourceRequirements
        {
            Requests = new[] { ("cpu", cpu), ("memory", memory) }.Where(r => r.Item2 is not null).ToDictionary(r => r.Item1, r => r.Item2!),
        },
    };

    private static PodInfo Pod(params Container[] containers) =>
        new(new Pod { Metadata = new ObjectMeta { Name = "p", Namespace = "default" }, Spec = new PodSpec { Containers = [.. containers] } });

    [Fact]
    public void A_pod_requests_the_sum_of_its_containers_or_its_largest_init_container()
    {
        var spec = new PodSpec
        {
            Containers = [Container("a", "100m", "64Mi"), Container("b", "200m")],
            InitContainers = [Container("migrate", "500m", "32Mi"), Container("warm", "50m", "256Mi")],
        };

        var requests = Resource.Requests(spec);

        Assert.Equal((500L, 256L * 1024 * 1024), (requests.MilliCpu, requests.Memory));
    }

    [Fact]
    public void Sidecars_add_to_the_pod_and_to_every_init_container_after_them()
    {
        var spec = new PodSpec
        {
            Containers = [Container("app", "100m")],
            InitContainers = [Container("proxy", "200m", restartPolicy: "Always"), Container("migrate", "500m")],
        };

        Assert.Equal(700, Resource.Requests(spec).MilliCpu);
    }

    [Fact]
    public void A_limit_without_a_request_counts_as_the_request_and_nothing_counts_as_the_defaults_for_spreading()
    {
        var limited = new Container { Name = "a", Resources = new ResourceRequirements { Limits = new() { ["cpu"] = "300m" } } };
        var spec = new PodSpec { Containers = [limited, new Container { Name = "b" }] };

        Assert.Equal((300L, 0L), (Resource.Requests(spec).MilliCpu, Resource.Requests(spec).Memory));
        var nonZero = Resource.Requests(spec, nonZero: true);
        Assert.Equal((400L, 2 * Resource.DefaultMemoryRequest), (nonZero.MilliCpu, nonZero.Memory));
    }

    [Fact]
    public void Fit_reports_every_resource_that_is_short_in_upstreams_order()
    {
        var node = new NodeInfo(Node(pods: "1"), [Pod(Container("x", "1900m"))]);

        var result = new NodeResourcesFit().Filter(Pod(Container("y", "200m", "5Gi")), node);

        Assert.Equal(FilterCode.Unschedulable, result.Code);
        Assert.Equal(["Too many pods", "Insufficient cpu", "Insufficient memory"], result.Reasons);
    }

    [Fact]
    public void Extended_resources_the_node_lacks_are_insufficient()
    {
        var gpu = Container("train");
        gpu.Resources!.Limits = new() { ["nvidia.com/gpu"] = "1" };

        var result = new NodeResourcesFit().Filter(Pod(gpu), new NodeInfo(Node(), []));

        Assert.Equal(["Insufficient nvidia.com/gpu"], result.Reasons);
    }

    [Fact]
    public void Least_allocated_and_balanced_allocation_use_upstreams_formulas()
    {
        var node = new NodeInfo(Node(), [Pod(Container("busy", "500m", "512Mi"))]);
        var pod = Pod(Container("new", "500m", "1Gi"));

        // cpu: (2000 - 1000) × 100 / 2000 = 50; memory: (4096 - 1536) × 100 / 4096 = 62; (50 + 62) / 2 = 56.
        Assert.Equal(56, new NodeResourcesFit().Score(pod, node));
        // fractions 0.5 and 0.375: deviation 0.0625, score (1 - 0.0625) × 100 = 93.
        Assert.Equal(93, new NodeResourcesBalancedAllocation().Score(pod, node));
    }

    [Fact]
    public void Taints_are_tolerated_by_matching_key_value_and_effect_or_by_exists()
    {
        var node = Node();
        node.Spec.Taints = [new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }, new Taint { Key = "slow", Effect = "PreferNoSchedule" }];
        var plugin = new TaintToleration();
        var intolerant = Pod(Container("a"));
        var tolerant = Pod(Container("a"));
        tolerant.Pod.Spec.Tolerations = [new Toleration { Key = "dedicated", Operator = "Equal", Value = "gpu", Effect = "NoSchedule" }];
        var everything = Pod(Container("a"));
        everything.Pod.Spec.Tolerations = [new Toleration { Operator = "Exists" }];

        Assert.Equal(["node(s) had untolerated taint {dedicated: gpu}"], plugin.Filter(intolerant, new NodeInfo(node, [])).Reasons);
        Assert.True(plugin.Filter(tolerant, new NodeInfo(node, [])).IsSuccess);
        Assert.Equal(1, plugin.Score(tolerant, new NodeInfo(node, [])));
        Assert.Equal(0, plugin.Score(everything, new NodeInfo(node, [])));
    }

    [Fact]
    public void Node_affinity_terms_are_ored_and_their_expressions_anded()
    {
        var node = new NodeInfo(Node("node-7"), []);
        node.Node.Metadata.Labels!["cores"] = "16";
        var pod = Pod(Container("a"));
        pod.Pod.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms =
                    [
                        new NodeSelectorTerm { MatchExpressions = [new() { Key = "zone", Operator = "Exists" }] },
                        new NodeSelectorTerm
                        {
                            MatchExpressions = [new() { Key = "cores", Operator = "Gt", Values = ["8"] }],
                            MatchFields = [new() { Key = "metadata.name", Operator = "In", Values = ["node-7"] }],
                        },
                    ],
                },
            },
        };

        Assert.True(new NodeAffinityPlugin().Filter(pod, node).IsSuccess);
        node.Node.Metadata.Labels["cores"] = "4";
        Assert.Equal(FilterCode.UnschedulableAndUnresolvable, new NodeAffinityPlugin().Filter(pod, node).Code);
    }

    [Fact]
    public void Reasons_are_sorted_as_strings_the_way_go_sorts_them()
    {
        var statuses = Enumerable.Repeat(FilterResult.Unschedulable("Insufficient cpu"), 10)
            .Concat(Enumerable.Repeat(FilterResult.Unresolvable("node(s) were unschedulable"), 2));

        Assert.Equal("0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable.", FitError.Message(12, statuses));
    }

    [Fact]
    public void Back_off_doubles_from_one_second_to_at_most_ten()
    {
        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(1, 6).Select(a => SchedulingQueue.Backoff(a).TotalSeconds));
    }

    [Fact]
    public void The_scheduling_log_keeps_the_latest_attempts_of_the_latest_pods()
    {
        var log = new SchedulingLog(maxPods: 2, maxAttemptsPerPod: 3);
        SchedulingAttempt Attempt(string uid, int second) => new(TestCluster.Start.AddSeconds(second), $"default/{uid}", uid, NodeVerdicts.None, null, "no");

        for (var i = 0; i < 5; i++) log.Add(Attempt("a", i));
        log.Add(Attempt("b", 10));
        log.Add(Attempt("c", 11));

        Assert.Equal(2, log.Count);
        Assert.Empty(log.For("a"));
        Assert.Equal(11, log.Last("c")!.Time.Second);
        log.Add(Attempt("b", 12));
        log.Add(Attempt("d", 13));
        Assert.Equal([10, 12], log.For("b").Select(a => a.Time.Second));
        Assert.Empty(log.For("c"));
    }

    [Fact]
    public void The_registry_lists_filters_in_upstreams_order_with_the_default_weights()
    {
        var registry = PluginRegistry.Default;

        Assert.Equal(["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity"],
            registry.Filters.Select(f => f.Name));
        Assert.Equal(["PodTopologySpread", "InterPodAffinity"], registry.PreFilters.Select(f => f.Name));
        Assert.Equal(
            [
                ("TaintToleration", 3), ("NodeAffinity", 2), ("NodeResourcesFit", 1), ("PodTopologySpread", 2), ("InterPodAffinity", 2),
                ("NodeResourcesBalancedAllocation", 1), ("ImageLocality", 1),
            ],
            registry.Scores.Select(s => (s.Name, s.Weight)));
    }
}
