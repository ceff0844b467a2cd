using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Tests.ApiServer;

public class ValidationTests
{
    private static Deployment Deployment(string name, Dictionary<string, string> selector, Dictionary<string, string> labels, string? image = "nginx") => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new DeploymentSpec
        {
            Selector = new LabelSelector { MatchLabels = selector },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = labels },
                Spec = new PodSpec { Containers = [new Container { Name = "web", Image = image }] },
            },
        },
    };

    [Fact]
    public void An_invalid_name_is_422_with_the_field_path_and_upstreams_message()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var revision = cluster.Store.Revision;

        var error = Assert.Throws<ApiException>(() => cluster.Api.Create(Deployment("Web", new() { ["app"] = "w" }, new() { ["app"] = "w" }), WriteContext.Kubectl));

        Assert.Equal(422, error.Code);
        Assert.StartsWith("Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain", error.Message);
        Assert.Equal("metadata.name", Assert.Single(error.Status.Details!.Causes!).Field);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void A_selector_that_does_not_match_the_template_and_a_missing_image_are_both_reported()
    {
        var cluster = TestCluster.Create(nodes: 0);

        var error = Assert.Throws<ApiException>(() => cluster.Api.Create(Deployment("web", new() { ["app"] = "a" }, new() { ["app"] = "b" }, image: null), WriteContext.Kubectl));

        Assert.Equal("Deployment.apps \"web\" is invalid: [spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"b\"}: `selector` does not match template `labels`, spec.template.spec.containers[0].image: Required value]", error.Message);
        Assert.Equal(["spec.template.metadata.labels", "spec.template.spec.containers[0].image"], error.Status.Details!.Causes!.Select(c => c.Field));
    }

    [Fact]
    public void Creating_in_a_missing_namespace_is_404()
    {
        var cluster = TestCluster.Create(nodes: 0);

        var error = Assert.Throws<ApiException>(() => cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "a", Namespace = "nope" } }, WriteContext.Kubectl));

        Assert.Equal(404, error.Code);
        Assert.Equal("namespaces \"nope\" not found", error.Message);
    }

    [Fact]
    public void Getting_a_missing_object_is_404_with_the_qualified_resource()
    {
        var cluster = TestCluster.Create(nodes: 0);

        var error = Assert.Throws<ApiException>(() => cluster.Api.Get<Deployment>("default", "web"));

        Assert.Equal(404, error.Code);
        Assert.Equal("deployments.apps \"web\" not found", error.Message);
    }

    [Fact]
    public void Defaults_are_applied_as_upstream_does()
    {
        var cluster = TestCluster.Create(nodes: 0);

        var created = cluster.Api.Create(Deployment("web", new() { ["app"] = "w" }, new() { ["app"] = "w" }), WriteContext.Kubectl);

        Assert.Equal(1, created.Spec.Replicas);
        Assert.Equal("RollingUpdate", created.Spec.Strategy!.Type);
        Assert.Equal("25%", created.Spec.Strategy.RollingUpdate!.MaxSurge!.Value.StringValue);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("Always", created.Spec.Template.Spec.Containers[0].ImagePullPolicy);
        Assert.Equal("ClusterFirst", created.Spec.Template.Spec.DnsPolicy);
    }

    [Fact]
    public void Unknown_fields_and_wrong_types_are_refused_when_decoding_a_manifest()
    {
        var registry = new ResourceRegistry();
        var unknown = ManifestReader.Read("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicaz: 3\n")[0];
        var wrongType = ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: nope\n")[0];

        var e1 = Assert.Throws<ApiException>(() => registry.Decode(unknown.Node));
        var e2 = Assert.Throws<ApiException>(() => registry.Decode(wrongType.Node));

        Assert.Equal(400, e1.Code);
        Assert.Equal("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replicaz\"", e1.Message);
        Assert.Contains("spec.containers", e2.Message);
    }

    [Fact]
    public void Quantities_may_be_bare_numbers_but_labels_may_not()
    {
        var registry = new ResourceRegistry();
        var pod = ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: {cpu: 1, memory: 1e9}\n      limits: {cpu: 0.5}\n")[0];
        var labelled = ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {version: 2}\nspec:\n  containers: []\n")[0];

        var decoded = (Pod)registry.Decode(pod.Node);

        var requests = decoded.Spec.Containers[0].Resources!.Requests!;
        Assert.Equal("1", requests["cpu"]);
        Assert.Equal(1_000_000_000, Quantity.Bytes(requests["memory"]));
        Assert.Equal("0.5", decoded.Spec.Containers[0].Resources!.Limits!["cpu"]);
        Assert.Equal(400, Assert.Throws<ApiException>(() => registry.Decode(labelled.Node)).Code);
    }

    [Fact]
    public void Malformed_yaml_names_the_line()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: x: y\n"));

        Assert.StartsWith("error converting YAML to JSON: yaml: line 5:", error.Message);
    }

    [Fact]
    public void Multi_document_yaml_reads_every_document_with_yaml_core_scalars()
    {
        var docs = ManifestReader.Read("a: 1\nb: 'x'\n---\n---\nc: true\nd: \"3\"\ne: ~\n");

        Assert.Equal(2, docs.Count);
        Assert.Equal("{\"a\":1,\"b\":\"x\"}", docs[0].Node.ToJsonString());
        Assert.Equal("{\"c\":true,\"d\":\"3\",\"e\":null}", docs[1].Node.ToJsonString());
        Assert.Equal(5, docs[1].Line);
    }
}
