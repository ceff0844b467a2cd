using Playground.Client.Cluster.Editor;

namespace Playground.Client.Tests.Cluster.Editor;

public class YamlLinesTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: -1
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
                image: nginx
              - name: sidecar
                image: busybox
        """;

    [Theory]
    [InlineData("spec.replicas", 6)]
    [InlineData("metadata.name", 4)]
    [InlineData("spec.template.metadata.labels", 12)]
    [InlineData("spec.template.spec.containers[0].image", 17)]
    [InlineData("spec.template.spec.containers[1]", 18)]
    [InlineData("spec.template.spec.containers[1].name", 18)]
    [InlineData("spec.template.spec.containers[1].image", 19)]
    public void A_field_path_points_at_the_line_of_its_key(string path, int line) =>
        Assert.Equal(line, YamlLines.Find(Deployment, path));

    [Theory]
    [InlineData("spec.template.spec.containers[0].resources.limits", 16)] // the container that has no resources
    [InlineData("spec.template.spec.containers[5].image", 15)] // no sixth container: the list
    [InlineData("spec.strategy.type", 5)]
    [InlineData("status", 1)]
    public void A_missing_field_points_at_its_deepest_existing_parent(string path, int line) =>
        Assert.Equal(line, YamlLines.Find(Deployment, path));

    [Fact]
    public void Map_keys_in_brackets_may_hold_spaces_and_dots()
    {
        const string configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  game.properties: x\n  'a b': y\n";
        Assert.Equal(["data", "a b"], YamlLines.Segments("data[a b]"));
        Assert.Equal(7, YamlLines.Find(configMap, "data[a b]"));
        Assert.Equal(6, YamlLines.Find(configMap, "data[game.properties]"));
    }

    [Fact]
    public void With_several_documents_the_kind_and_name_choose_the_document()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: []\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata: {}\n";
        Assert.Equal(12, YamlLines.Find(yaml, "data", "ConfigMap", "web"));
        Assert.Equal(4, YamlLines.Find(yaml, "metadata.name", "Service", "web"));
        Assert.Equal(11, YamlLines.Find(yaml, "metadata.name", "ConfigMap", "web"));
    }

    [Fact]
    public void Text_that_is_not_yaml_has_no_lines() => Assert.Null(YamlLines.Find("a: [1, 2\nb: 3\n", "a"));
}
