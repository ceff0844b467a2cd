using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Printers.Yaml;

namespace Playground.Core.Tests.Kubectl.Printers;

public class GoYamlTests
{
    [Theory]
    [MemberData(nameof(YamlStringCases.All), MemberType = typeof(YamlStringCases))]
    public void Strings_are_quoted_folded_and_blocked_as_kubectl_writes_them(string value, string expected)
    {
        var yaml = GoYaml.Write(new JsonObject { ["data"] = new JsonObject { ["k"] = value } });

        Assert.Equal("data:\n" + expected, yaml);
    }

    [Fact]
    public void Keys_sort_as_go_yaml_sorts_them_with_numbers_compared_as_numbers()
    {
        string[] keys = ["a10", "a2", "a_b", "a-b", "A", "b", "a", "a.b", "Z9", "a01", "a1", "_x", "9", "10"];
        var data = new JsonObject();
        foreach (var key in keys) data[key] = "x";

        var yaml = GoYaml.Write(new JsonObject { ["data"] = data });

        // Real kubectl's order for the same keys (create configmap --dry-run=client -o yaml).
        Assert.Equal("data:\n  _x: x\n  \"9\": x\n  \"10\": x\n  A: x\n  Z9: x\n  a: x\n  a-b: x\n  a.b: x\n  a_b: x\n  a1: x\n  a01: x\n  a2: x\n  a10: x\n  b: x\n", yaml);
    }

    [Fact]
    public void A_generated_deployment_prints_exactly_as_kubectl_create_dry_run_does()
    {
        var node = CreateDeploymentCommand.Build("web", ["nginx", "busybox:1.36"], 1, 8080, "demo");

        Assert.Equal("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
              namespace: demo
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: web
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx
                    name: nginx
                    ports:
                    - containerPort: 8080
                    resources: {}
                  - image: busybox:1.36
                    name: busybox
                    resources: {}
            status: {}

            """, GoYaml.Write(node));
    }

    [Fact]
    public void Lists_of_lists_and_empty_collections_keep_go_yaml_layout()
    {
        var node = new JsonObject
        {
            ["args"] = new JsonArray("a", "b"),
            ["empty"] = new JsonArray(),
            ["matrix"] = new JsonArray(new JsonArray(1, 2), new JsonArray()),
            ["nothing"] = null,
            ["on"] = true,
        };

        Assert.Equal("args:\n- a\n- b\nempty: []\nmatrix:\n- - 1\n  - 2\n- []\nnothing: null\n\"on\": true\n", GoYaml.Write(node));
    }
}
