using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Core.Tests.Clients;

public sealed class EventRecorderTests
{
    [Fact]
    public void A_repeat_of_the_same_reason_and_message_on_an_object_counts_up_while_a_new_message_is_a_new_event()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var map = cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "settings" } }, WriteContext.Kubectl);
        var recorder = cluster.Services.Recorder("test-controller");

        recorder.Normal(map, "Checked", $"Checked \"{map.Metadata.Name}\"", WriteContext.Kubectl);
        cluster.Advance(TimeSpan.FromSeconds(30));
        recorder.Normal(map, "Checked", $"Checked \"{map.Metadata.Name}\"", WriteContext.Kubectl);
        recorder.Warning(map, "Checked", "Checked again", WriteContext.Kubectl);

        var events = cluster.Api.List<Event>("default").Where(e => e.InvolvedObject.Uid == map.Metadata.Uid).OrderBy(e => e.Message).ToList();
        Assert.Equal(["Checked \"settings\" x2 Normal", "Checked again x1 Warning"], events.Select(e => $"{e.Message} x{e.Count} {e.Type}"));
        Assert.Equal(TestCluster.Start.AddSeconds(30), events[0].LastTimestamp);
        Assert.Equal(TestCluster.Start, events[0].FirstTimestamp);
    }
}
