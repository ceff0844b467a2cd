using Playground.Core.Api.Core;
using Playground.Core.Kubectl.Commands;
using Playground.Core.Kubectl.Printers.Yaml;
using Playground.Core.Storage;

namespace Playground.Client.Cluster.Trace;

/// <summary>How a write reads in the trace: a verb, a kind and an object, and the object's YAML as kubectl -o yaml prints it.</summary>
public static class TraceText
{
    /// <summary>"create ReplicaSet default/web-7995b8d97d"; an event reads as its reason on the object it is about.</summary>
    public static string Step(WriteRecord write) => $"{Verb(write)} {write.Kind} {Target(write)}";

    /// <summary>
    /// What the actor did; the scheduler's write to a pod is the binding that places it, and a person's write that marks an
    /// object for deletion is their delete, which the object's kubelet or finalizers complete later.
    /// </summary>
    public static string Verb(WriteRecord write) => write.Type switch
    {
        WriteType.Added => "create",
        WriteType.Deleted => "delete",
        _ when write.Object.Metadata.DeletionTimestamp is not null && (write.Actor == RecentWrites.Kubectl || write.Actor == RecentWrites.Fault) => "delete",
        _ when write.Actor == "default-scheduler" && write.Object is Pod { Spec.NodeName: not null } => "bind",
        _ => "update",
    };

    public static string Target(WriteRecord write)
    {
        if (write.Object is Event { InvolvedObject: { } about } ev)
            return $"{ev.Reason} on {about.Kind} {Path(about.Namespace, about.Name)}";
        return Path(write.Key.Namespace, write.Key.Name);
    }

    public static string Yaml(WriteRecord write) => GoYaml.Write(Output.Node(write.Object));

    private static string Path(string? ns, string? name) => ns is null ? name ?? "" : $"{ns}/{name}";
}
