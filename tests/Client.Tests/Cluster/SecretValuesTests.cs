using Playground.Client.Cluster;
using Playground.Client.Cluster.Trace;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class SecretValuesTests
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>"hunter2" as kubectl apply leaves it: in data (base64) and in the annotation that keeps the applied manifest.</summary>
    private static Secret Applied() => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "db",
            Namespace = "default",
            Annotations = new() { [LastApplied] = """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"stringData":{"password":"hunter2"}}""" + "\n" },
        },
        Type = "Opaque",
        Data = new() { ["password"] = "aHVudGVyMg==", ["user"] = "YWRtaW4=" },
    };

    [Fact]
    public void Each_value_becomes_its_size_as_kubectl_describe_shows_it_and_the_keys_stay()
    {
        var secret = Applied();

        var hidden = SecretValues.Hide(secret);

        Assert.Equal(new Dictionary<string, string> { ["password"] = "(hidden, 7 bytes)", ["user"] = "(hidden, 5 bytes)" }, hidden.Data);
        var applied = hidden.Metadata.Annotations![LastApplied];
        Assert.DoesNotContain("hunter2", applied);
        Assert.Contains("\"password\":\"(hidden, 7 bytes)\"", applied);
        // The store's object, shared with every reader, is left as it was.
        Assert.Equal("aHVudGVyMg==", secret.Data!["password"]);
        Assert.Contains("hunter2", secret.Metadata.Annotations![LastApplied]);
    }

    [Fact]
    public void Hiding_twice_changes_nothing()
    {
        var once = SecretValues.Hide(Applied());

        var twice = SecretValues.Hide(once);

        Assert.Equal(once.Data, twice.Data);
        Assert.Equal(once.Metadata.Annotations, twice.Metadata.Annotations);
    }

    [Fact]
    public void The_trace_keeps_a_secrets_write_without_its_values()
    {
        var secret = Applied();
        var recent = new RecentWrites();

        recent.Add(new WriteRecord(5, WriteType.Added, new ObjectKey("secrets", "default", "db"), "Secret", secret, "{}", "kubectl", null, T0));

        var write = Assert.Single(recent.Commands).Writes.Single();
        var yaml = TraceText.Yaml(write);
        Assert.DoesNotContain("aHVudGVyMg==", yaml);
        Assert.DoesNotContain("hunter2", yaml);
        Assert.DoesNotContain("aHVudGVyMg==", write.Json);
        Assert.Contains("password: (hidden, 7 bytes)", yaml);
    }
}
