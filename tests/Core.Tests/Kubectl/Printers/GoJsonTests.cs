using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Printers;

namespace Playground.Core.Tests.Kubectl.Printers;

public class GoJsonTests
{
    [Fact]
    public void Objects_print_with_sorted_keys_four_space_indents_and_go_escaping()
    {
        var node = new JsonObject
        {
            ["kind"] = "ConfigMap",
            ["data"] = new JsonObject { ["x"] = "line\ttab\n", ["k"] = "<a> & \"b\"" },
            ["items"] = new JsonArray(),
            ["spec"] = new JsonObject(),
            ["replicas"] = 3,
        };

        Assert.Equal("""
            {
                "data": {
                    "k": "\u003ca\u003e \u0026 \"b\"",
                    "x": "line\ttab\n"
                },
                "items": [],
                "kind": "ConfigMap",
                "replicas": 3,
                "spec": {}
            }

            """, GoJson.Write(node));
    }

    [Fact]
    public void Compact_form_is_one_sorted_line_with_a_final_newline()
    {
        var node = new JsonObject { ["b"] = new JsonArray(1, "x"), ["a"] = new JsonObject() };

        Assert.Equal("{\"a\":{},\"b\":[1,\"x\"]}\n", GoJson.Compact(node));
    }
}
