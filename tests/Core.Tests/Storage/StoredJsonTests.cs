using System.Text;
using Playground.Core.Serialization;

namespace Playground.Core.Tests.Storage;

public sealed class StoredJsonTests
{
    [Fact]
    public void Every_write_keeps_exactly_the_json_of_its_object_though_updates_only_swap_the_resource_version_in_the_text()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3");
        cluster.RunUntilIdle();
        cluster.Kubectl("kubectl scale deployment web --replicas=1");
        cluster.RunUntilIdle();

        var history = cluster.Store.History(cluster.Store.CompactedRevision);
        Assert.Contains(history, w => w.Type == Playground.Core.Storage.WriteType.Modified);
        foreach (var write in history)
        {
            Assert.Equal(KubeJson.Serialize(write.Object), write.Json);
            Assert.Equal(write.Revision.ToString(), write.Object.Metadata.ResourceVersion);
        }
    }

    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","resourceVersion":"5","labels":{"resourceVersion":"5"}}}""",
        """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","resourceVersion":"6","labels":{"resourceVersion":"5"}}}""")]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","labels":{"x":"y"},"resourceVersion":"5"}}""", null)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","spec":{"metadata":{"resourceVersion":"5"}},"metadata":{"resourceVersion":"5"}}""", null)]
    [InlineData("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}""", null)]
    public void Only_metadatas_own_resource_version_is_swapped_and_any_other_shape_is_serialized_again(string json, string? expected) =>
        Assert.Equal(expected, KubeJson.WithResourceVersion(Encoding.UTF8.GetBytes(json), "5", "6") is { } swapped ? Encoding.UTF8.GetString(swapped) : null);
}
