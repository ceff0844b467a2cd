using Playground.Client.Cluster.Trace;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Trace;

/// <summary>Writes for trace tests: hand-made ones with a chosen actor and cause, and the real stream of a simulated cluster.</summary>
public static class Writes
{
    public static WriteRecord Write(long revision, string actor, long? cause, KubeObject obj, WriteType type = WriteType.Added, DateTimeOffset? time = null) =>
        new(revision, type, new ObjectKey(obj.Kind.ToLowerInvariant() + "s", obj.Metadata.Namespace, obj.Metadata.Name!), obj.Kind, obj, "{}", actor, cause, time ?? T0);

    public static ConfigMap ConfigMap(string name, string color = "blue") =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Data = new() { ["color"] = color } };

    public static RecentWrites From(IEnumerable<WriteRecord> writes, int capacity = 5000)
    {
        var recent = new RecentWrites(capacity);
        foreach (var write in writes) recent.Add(write);
        return recent;
    }

    /// <summary>A new simulated cluster, settled, then the given commands each run to idle; returns the writes they made.</summary>
    public static IReadOnlyList<WriteRecord> OfCommands(params string[] commands)
    {
        var cluster = SimulatedCluster.Create();
        cluster.RunUntilIdle();
        var start = cluster.Store.Revision;
        foreach (var command in commands)
        {
            Assert.Equal(0, cluster.Kubectl(command).ExitCode);
            cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        }
        return cluster.Store.History(start);
    }
}
