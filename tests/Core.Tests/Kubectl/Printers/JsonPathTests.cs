using System.Text.Json.Nodes;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Tests.Kubectl.Printers;

public class JsonPathTests
{
    private static readonly JsonNode List = JsonNode.Parse("""
        {"kind":"List","items":[
          {"metadata":{"name":"a","labels":{"app":"web"}},"status":{"podIP":"10.0.0.1","conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]},"spec":{"containers":[{"image":"nginx"},{"image":"busybox"}]}},
          {"metadata":{"name":"b"},"status":{"podIP":"10.0.0.2","conditions":[{"type":"Ready","status":"False"}]},"spec":{"containers":[{"image":"redis"}]}}
        ]}
        """)!;

    [Theory]
    [InlineData("{.items[*].metadata.name}", "a b")]
    [InlineData("{.items[0].status.podIP}", "10.0.0.1")]
    [InlineData("{.items[-1].metadata.name}", "b")]
    [InlineData("{.items[0:1].metadata.name}", "a")]
    [InlineData("{..image}", "nginx busybox redis")]
    [InlineData("{.items[?(@.status.podIP==\"10.0.0.2\")].metadata.name}", "b")]
    [InlineData("{.items[0].status.conditions[?(@.type=='Ready')].status}", "True")]
    [InlineData("{.items[*].metadata.labels}", "{\"app\":\"web\"}")]
    [InlineData("{.items[0].metadata['name']}", "a")]
    [InlineData("{.items[*].missing}", "")]
    [InlineData("{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\n\"}{end}", "a\t10.0.0.1\nb\t10.0.0.2\n")]
    [InlineData("name: {.items[1].metadata.name}!", "name: b!")]
    public void Templates_select_and_print_as_kubectl_does(string template, string expected) =>
        Assert.Equal(expected, JsonPath.Execute(template, List));

    [Fact]
    public void Malformed_templates_are_refused() =>
        Assert.StartsWith("error: error parsing jsonpath {.items[0", Assert.Throws<KubectlException>(() => JsonPath.Execute("{.items[0", List)).Message);

    [Fact]
    public void Custom_columns_print_a_table_of_paths()
    {
        var items = ((JsonArray)List["items"]!).Select(i => i!).ToList();

        Assert.Equal("""
            NAME   IMAGES          IP
            a      nginx,busybox   10.0.0.1
            b      redis           10.0.0.2

            """, CustomColumns.Print("NAME:.metadata.name,IMAGES:.spec.containers[*].image,IP:{.status.podIP}", items, noHeaders: false));
    }
}
