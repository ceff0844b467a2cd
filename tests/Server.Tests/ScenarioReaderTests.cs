using Playground.Core.Simulation;
using Playground.Server.Classrooms;

namespace Playground.Server.Tests;

/// <summary>Uploaded scenarios: a good one reads as written; a bad one is refused with each problem's line and field.</summary>
public sealed class ScenarioReaderTests
{
    private const string Good = """
        title: Config
        description: Put settings in a ConfigMap.
        cluster:
          nodes: 2
          nodeCpu: "4"
          nodeMemory: 8Gi
        objects:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              color: blue
        tasks:
          - title: Change the color to green
            hint: kubectl edit configmap settings
            checks:
              - kind: cm
                name: settings
                jsonpath: .data.color
                equals: green
          - title: Remove the ConfigMap
            checks:
              - kind: ConfigMap
                name: settings
                exists: false
        """;

    [Fact]
    public void A_good_scenario_reads_with_its_cluster_objects_and_tasks()
    {
        var scenario = ScenarioReader.Read(Good);

        Assert.Equal("Config", scenario.Title);
        var options = scenario.ClusterOptions(new ClusterOptions());
        Assert.Equal((2, "4", "8Gi", 110), (options.Nodes, options.NodeCpu, options.NodeMemory, options.MaxPods));
        Assert.Equal(8, Assert.Single(scenario.Objects).Line);
        Assert.Equal(["Change the color to green", "Remove the ConfigMap"], scenario.Tasks.Select(t => t.Title));
        Assert.Equal("configmap settings", scenario.Tasks[0].Checks[0].Subject);
    }

    [Theory]
    [InlineData("title: [unclosed", "error converting YAML to JSON: yaml: line ")]
    [InlineData("description: no title", "title: is required")]
    [InlineData("title: T\ncheck: []", "line 2: check: unknown field \"check\"")]
    [InlineData("title: T\ncluster:\n  nodes: 0", "line 3: cluster.nodes: must be a whole number from 1 to 10, got 0")]
    [InlineData("title: T\ncluster:\n  nodeMemory: lots", "line 3: cluster.nodeMemory: must be a positive quantity")]
    [InlineData("title: T\nobjects:\n  - kind: Widget\n    apiVersion: v1\n    metadata: {name: w}", "line 3: objects[0]: no matches for kind \"Widget\" in version \"v1\"")]
    [InlineData("title: T\nobjects:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: c}\n    colour: red", "line 3: objects[0]: ")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks: []", "line 4: tasks[0].checks: a task needs at least one check")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: widgets\n        name: w\n        exists: true", "line 5: tasks[0].checks[0].kind: the server doesn't have a resource type \"widgets\"")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        name: p\n        equals: 3", "tasks[0].checks[0].equals: needs a jsonpath")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        name: p\n        jsonpath: '{.status'\n        equals: 3", "line 7: tasks[0].checks[0].jsonpath: unexpected path string")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        selector: 'a in ('\n        count: 1", "line 6: tasks[0].checks[0].selector: ")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        name: p\n        jsonpath: .x\n        equals: 1\n        atLeast: 1", "line 5: tasks[0].checks[0]: give exactly one expectation")]
    [InlineData("title: T\ntasks:\n  - title: A\n    checks:\n      - kind: Pod\n        count: {atLeast: -1}", "line 6: tasks[0].checks[0].count.atLeast: must be a whole number of at least 0, got -1")]
    [InlineData("title: T\n---\ntitle: U", "a scenario is one YAML document")]
    public void A_bad_scenario_is_refused_naming_the_line_and_field(string yaml, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read(yaml));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("title: 5\ncluster:\n  nodes: 99\ntasks: nope"));

        Assert.Equal(3, error.Message.Split('\n').Length);
    }

    [Fact]
    public void A_scenario_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Read("title: T\ndescription: " + new string('x', ScenarioReader.MaxBytes)));

        Assert.Contains("larger than the limit", error.Message);
    }

    [Fact]
    public void The_trial_names_the_object_the_api_server_refuses()
    {
        var scenario = ScenarioReader.Read("""
            title: T
            objects:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: nowhere}
            """);

        var error = Assert.Throws<ScenarioException>(() => ScenarioTrial.Plant(scenario, new ClusterOptions()));

        Assert.StartsWith("line 3: objects[0]: namespaces \"nowhere\" not found", error.Message);
    }

    [Fact]
    public void Checks_say_what_they_found()
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        cluster.Kubectl("kubectl create configmap settings --from-literal=color=blue");
        var scenario = ScenarioReader.Read(Good);

        var states = StudentProgress.Evaluate(scenario, cluster.Api);

        Assert.Equal("configmap settings .data.color is \"blue\", expected \"green\"", states[0].Checks[0].Detail);
        Assert.Equal("configmap settings exists", states[1].Checks[0].Detail);
        Assert.False(states[1].Passed);
        cluster.Kubectl("kubectl delete configmap settings");
        Assert.True(StudentProgress.Evaluate(scenario, cluster.Api)[1].Passed);
    }
}
