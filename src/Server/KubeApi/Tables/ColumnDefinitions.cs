using System.Text.Json.Nodes;
using Playground.Core.Kubectl.Printers;

namespace Playground.Server.KubeApi.Tables;

/// <summary>
/// A table's columnDefinitions as upstream declares them: the terminal's column names and priorities (so both print
/// alike), plus the type, format and description that only API clients read.
/// </summary>
public static class ColumnDefinitions
{
    /// <summary>Columns upstream types as "integer" (counts); every other column is a "string".</summary>
    private static readonly HashSet<(string Kind, string Column)> Integers =
    [
        ("Deployment", "Up-to-date"), ("Deployment", "Available"),
        ("ReplicaSet", "Desired"), ("ReplicaSet", "Current"), ("ReplicaSet", "Ready"),
        ("DaemonSet", "Desired"), ("DaemonSet", "Current"), ("DaemonSet", "Ready"), ("DaemonSet", "Up-to-date"), ("DaemonSet", "Available"),
        ("CronJob", "Active"), ("Event", "Count"), ("ConfigMap", "Data"), ("Secret", "Data"), ("ServiceAccount", "Secrets"),
        ("ControllerRevision", "Revision"), ("HorizontalPodAutoscaler", "MaxPods"), ("HorizontalPodAutoscaler", "Replicas"),
        ("PodDisruptionBudget", "Allowed Disruptions"),
    ];

    /// <summary>What a column shows, in our words; columns of the same name mean the same thing across kinds.</summary>
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Name"] = "The object's name, unique within its namespace (or the cluster, for cluster-scoped kinds).",
        ["Age"] = "How long ago the object was created, from metadata.creationTimestamp.",
        ["Ready"] = "How many of the desired replicas or containers are ready.",
        ["Status"] = "The object's aggregate status.",
        ["Restarts"] = "How many times the pod's containers restarted, and how long ago the last restart was.",
        ["IP"] = "The pod's IP address.",
        ["Node"] = "The node the pod is bound to.",
        ["Nominated Node"] = "The node the scheduler nominated for the pod while it preempts others there.",
        ["Readiness Gates"] = "Extra conditions the pod's readiness waits for.",
        ["Desired"] = "How many pods are wanted.",
        ["Current"] = "How many pods exist.",
        ["Up-to-date"] = "How many pods run the latest template.",
        ["Available"] = "How many pods have been ready for at least minReadySeconds.",
        ["Containers"] = "The names of the template's containers.",
        ["Images"] = "The images of the template's containers.",
        ["Selector"] = "The label selector that picks the pods.",
        ["Type"] = "The object's type.",
        ["Cluster-IP"] = "The service's virtual IP inside the cluster.",
        ["External-IP"] = "Addresses outside the cluster that reach the object.",
        ["Port(s)"] = "The service's ports, with node ports and protocols.",
        ["Endpoints"] = "The addresses that back the service.",
        ["Roles"] = "The node's roles, from its node-role.kubernetes.io labels.",
        ["Version"] = "The kubelet version the node reports.",
        ["Internal-IP"] = "The node's internal address.",
        ["Data"] = "How many keys the object holds.",
        ["Message"] = "A human-readable description of what happened.",
        ["Reason"] = "A short, machine-readable reason.",
        ["Object"] = "The object the event is about.",
        ["Last Seen"] = "How long ago the event last occurred.",
        ["First Seen"] = "How long ago the event first occurred.",
        ["Count"] = "How many times the event occurred.",
    };

    public static JsonArray For(string kind, IReadOnlyList<TableColumn> columns) => new([.. columns.Select(c => (JsonNode)new JsonObject
    {
        ["name"] = c.Name,
        ["type"] = IsInteger(kind, c.Name) ? "integer" : "string",
        ["format"] = c.Name == "Name" ? "name" : "",
        ["description"] = Descriptions.GetValueOrDefault(c.Name, $"The {c.Name} column of the {kind} table."),
        ["priority"] = c.Priority,
    })]);

    public static bool IsInteger(string kind, string column) => Integers.Contains((kind, column));
}
