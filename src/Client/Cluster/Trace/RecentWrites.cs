using Playground.Core.Api.Core;
using Playground.Core.Storage;

namespace Playground.Client.Cluster.Trace;

/// <summary>
/// The last few thousand writes with their actors and causes, and the kubectl commands (or faults) they trace back to: a write
/// belongs to the command its cause belongs to, so following causes from any write leads to the command that began it.
/// </summary>
public sealed class RecentWrites(int capacity = 5000, int maxCommands = 20)
{
    public const string Kubectl = "kubectl";

    /// <summary>The actor of a fault injected from the workspace (a node failed, a pod deleted): a person's action like a command.</summary>
    public static readonly string Fault = Playground.Core.Simulation.SimulatedCluster.Operator.Actor;

    private sealed record Entry(WriteRecord Write, TracedCommand? Command, long? Previous);

    private readonly Queue<WriteRecord> window = new();
    private readonly Dictionary<long, Entry> byRevision = [];
    private readonly Dictionary<ObjectKey, long> latestByKey = [];
    private readonly List<TracedCommand> commands = [];
    private WriteRecord? last;

    /// <summary>Recent commands, oldest first.</summary>
    public IReadOnlyList<TracedCommand> Commands => commands;

    public int Count => window.Count;

    public void Clear()
    {
        window.Clear();
        byRevision.Clear();
        latestByKey.Clear();
        commands.Clear();
        last = null;
    }

    /// <summary>Takes the next write of the stream; writes must come in revision order, as the store commits them.</summary>
    public void Add(WriteRecord write)
    {
        // The trace shows what each write stored, but never a secret's values.
        if (write.Object is Secret secret)
            write = new WriteRecord(write.Revision, write.Type, write.Key, write.Kind, SecretValues.Hide(secret), write.Actor, write.Cause, write.Time);
        var root = IsRoot(write);
        TracedCommand? command = null;
        if (root)
            command = ContinuesCommand(write) ?? StartCommand();
        else if (write.Cause is { } cause && byRevision.TryGetValue(cause, out var causeEntry))
            command = causeEntry.Command;
        command?.Add(write, root);

        long? previous = latestByKey.TryGetValue(write.Key, out var p) ? p : null;
        // A deleted object's name may be taken again by a new object, which has no earlier write to compare with.
        if (write.Type == WriteType.Deleted) latestByKey.Remove(write.Key);
        else latestByKey[write.Key] = write.Revision;
        byRevision[write.Revision] = new Entry(write, command, previous);
        window.Enqueue(write);
        last = write;
        while (window.Count > capacity) Forget(window.Dequeue());
    }

    /// <summary>The write before <paramref name="write"/> to the same object, while it is still kept.</summary>
    public WriteRecord? PreviousOf(WriteRecord write) =>
        byRevision.TryGetValue(write.Revision, out var entry) && entry.Previous is { } previous && byRevision.TryGetValue(previous, out var before)
            ? before.Write
            : null;

    /// <summary>A command's own writes: kubectl's or a fault's, caused by no earlier write.</summary>
    private static bool IsRoot(WriteRecord write) => (write.Actor == Kubectl || write.Actor == Fault) && write.Cause is null;

    /// <summary>
    /// One command may write several objects (apply -f with many documents): its writes are committed back to back at
    /// one instant, before any controller reacts, so a root right after a root at the same time continues its command.
    /// </summary>
    private TracedCommand? ContinuesCommand(WriteRecord write) =>
        last is { } previous && IsRoot(previous) && previous.Revision == write.Revision - 1 && previous.Time == write.Time
        && byRevision.TryGetValue(previous.Revision, out var entry)
            ? entry.Command
            : null;

    private TracedCommand StartCommand()
    {
        var command = new TracedCommand(capacity);
        commands.Add(command);
        if (commands.Count > maxCommands) commands.RemoveAt(0);
        return command;
    }

    private void Forget(WriteRecord old)
    {
        byRevision.Remove(old.Revision);
        if (latestByKey.TryGetValue(old.Key, out var latest) && latest == old.Revision) latestByKey.Remove(old.Key);
    }
}
