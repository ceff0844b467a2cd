using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Commands;

namespace Playground.Core.Tests.Kubectl.Commands;

public class ThreeWayMergeTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    [Fact]
    public void New_values_win_dropped_fields_go_and_server_defaults_stay()
    {
        var live = Json("""{"spec":{"replicas":2,"paused":true,"revisionHistoryLimit":10},"status":{"replicas":2}}""");
        var original = Json("""{"spec":{"replicas":2,"paused":true}}""");
        var desired = Json("""{"spec":{"replicas":3}}""");

        var merged = ThreeWayMerge.Merge(live, original, desired);

        Assert.Equal("""{"spec":{"replicas":3,"revisionHistoryLimit":10},"status":{"replicas":2}}""", merged.ToJsonString());
    }

    [Fact]
    public void Containers_merge_by_name_keeping_defaulted_fields_and_items_others_added()
    {
        var live = Json("""{"containers":[{"name":"app","image":"a:1","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}]},{"name":"sidecar","image":"s:1"},{"name":"old","image":"o:1"}]}""");
        var original = Json("""{"containers":[{"name":"app","image":"a:1","ports":[{"containerPort":80}]},{"name":"old","image":"o:1"}]}""");
        var desired = Json("""{"containers":[{"name":"app","image":"a:2","ports":[{"containerPort":80}]}]}""");

        var merged = ThreeWayMerge.Merge(live, original, desired);

        Assert.Equal("""{"containers":[{"name":"app","image":"a:2","imagePullPolicy":"IfNotPresent","ports":[{"containerPort":80,"protocol":"TCP"}]},{"name":"sidecar","image":"s:1"}]}""", merged.ToJsonString());
    }

    [Fact]
    public void Lists_without_a_merge_key_are_replaced()
    {
        var merged = ThreeWayMerge.Merge(Json("""{"args":["a","b"]}"""), null, Json("""{"args":["c"]}"""));

        Assert.Equal("""{"args":["c"]}""", merged.ToJsonString());
    }
}
