using Playground.Client.Cluster.Editor;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Cluster.Editor;

/// <summary>Problems read from what the real kubectl engine and API server print for a server dry run.</summary>
public class ManifestProblemsTests
{
    private readonly SimulatedCluster cluster = SimulatedCluster.Create();

    private IReadOnlyList<ManifestProblem> Check(string yaml) =>
        ManifestProblems.Read(cluster.Kubectl("kubectl apply -f - --dry-run=server", yaml).Output, yaml);

    private static string Deployment(string replicas = "3", string labels = "web", string image = "\n        image: nginx") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: {labels}
            spec:
              containers:
              - name: nginx{image}

        """;

    [Fact]
    public void A_valid_manifest_has_no_problems_and_nothing_is_written()
    {
        var before = cluster.Store.Revision;
        Assert.Empty(Check(Deployment()));
        Assert.Equal(before, cluster.Store.Revision);
    }

    [Fact]
    public void An_invalid_value_is_placed_at_its_field_with_the_api_servers_words()
    {
        var problem = Assert.Single(Check(Deployment(replicas: "-1")));
        Assert.Equal(new ManifestProblem(6, "spec.replicas", "spec.replicas: Invalid value: -1: must be greater than or equal to 0"), problem);
    }

    [Fact]
    public void Several_errors_are_split_and_each_placed_even_when_their_messages_hold_commas()
    {
        var problems = Check(Deployment(replicas: "-1", labels: "other", image: ""));

        Assert.Equal([6, 12, 16], problems.Select(p => p.Line));
        Assert.Equal(["spec.replicas", "spec.template.metadata.labels", "spec.template.spec.containers[0].image"], problems.Select(p => p.Field));
        Assert.Equal("spec.template.spec.containers[0].image: Required value", problems[2].Message);

        var configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Web_X\ndata:\n  'a b': x\n";
        var keys = Check(configMap);
        Assert.Equal([4, 6], keys.Select(p => p.Line));
        Assert.EndsWith("regex used for validation is '[-._a-zA-Z0-9]+')", keys[1].Message);
    }

    [Fact]
    public void A_yaml_syntax_error_keeps_the_parsers_line()
    {
        var problem = Assert.Single(Check("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n   bad: [\n"));
        Assert.Equal(5, problem.Line);
        Assert.Null(problem.Field);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_placed_at_its_field() =>
        Assert.Equal(6, Assert.Single(Check(Deployment(replicas: "three"))).Line);

    [Fact]
    public void An_unknown_kind_and_a_missing_api_version_point_at_the_top_fields()
    {
        Assert.Equal(2, Assert.Single(Check("apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n")).Line);
        var missing = Assert.Single(Check("kind: ConfigMap\nmetadata:\n  name: c\n"));
        Assert.Equal("apiVersion not set", missing.Message);
    }

    [Fact]
    public void Success_lines_are_not_problems() =>
        Assert.Empty(ManifestProblems.Read("deployment.apps/web created\nservice/web unchanged\n", Deployment()));
}
