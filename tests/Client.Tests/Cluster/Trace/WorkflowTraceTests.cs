using System.Diagnostics;
using Playground.Client.Cluster.Trace;
using Playground.Core.Api.Core;
using Playground.Core.Storage;
using static Playground.Client.Tests.Cluster.Trace.Writes;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Trace;

public class WorkflowTraceTests
{
    private static Task<System.Xml.Linq.XElement> RenderAsync(RecentWrites writes) =>
        Markup.RenderAsync<WorkflowTrace>(new Dictionary<string, object?> { ["Writes"] = writes });

    [Fact]
    public async Task With_no_command_yet_it_invites_one()
    {
        var trace = await RenderAsync(new RecentWrites());

        Assert.Equal("Run a command to see its trace: every write it causes appears here, component by component.", trace.SingleWithClass("trace-empty").Text());
        Assert.Empty(trace.WithClass("trace-lane"));
    }

    [Fact]
    public async Task The_newest_command_is_drawn_lane_by_lane_in_the_order_of_the_architecture()
    {
        var trace = await RenderAsync(From(OfCommands("kubectl run first --image=nginx", "kubectl create deployment web --image=nginx --replicas=2")));

        var commands = trace.WithClass("trace-command").ToList();
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("create Deployment default/web", commands[0].Text());
        Assert.Equal(["true", "false"], commands.Select(c => (string?)c.Attribute("aria-pressed")));
        var lanes = trace.WithClass("lane-title").Select(t => t.Text()).ToList();
        Assert.Equal(["kubectl", "API server → etcd", "Deployment controller", "ReplicaSet controller", "Scheduler"], lanes.Take(5));
        Assert.All(lanes.Skip(5), lane => Assert.StartsWith("Kubelet on node-", lane));
        var first = trace.WithClass("trace-step").First();
        Assert.Equal("kubectl → create Deployment default/web (revision " + first.Text().Split('#')[1] + ")", (string?)first.Attribute("aria-label"));
        Assert.Equal("Select a step to see the object it wrote and what it changed.", trace.SingleWithClass("trace-hint").Text());
    }

    [Fact]
    public async Task A_burst_of_a_thousand_writes_is_summed_up_per_component()
    {
        var writes = new List<WriteRecord> { Write(1, "kubectl", null, ConfigMap("burst")) };
        for (var i = 0; i < 1000; i++)
            writes.Add(Write(2 + i, $"kubelet/node-{i % 2 + 1}", 1, Pod($"burst-{i}", "node-1"), WriteType.Modified));
        var watch = Stopwatch.StartNew();

        var trace = await RenderAsync(From(writes));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(1 + 2 * 12, trace.WithClass("trace-step").Count());
        Assert.Equal(["…and 488 more kubelet/node-1 writes", "…and 488 more kubelet/node-2 writes"], trace.WithClass("trace-more").Select(m => m.Text()));
        Assert.Contains("1001 writes so far", trace.WithClass("trace-subtitle").ElementAt(1).Text());
    }
}
