using System.Globalization;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.Controllers.History;
using Playground.Core.Scheduling.Framework;
using Playground.Core.Scheduling.Plugins;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>What upstream's daemon/util package decides about a daemon pod: its template, its node, and which nodes should run one.</summary>
internal static class DaemonPods
{
    public const string TemplateGenerationLabel = "pod-template-generation";

    /// <summary>Upstream's AddOrUpdateDaemonPodTolerations: daemon pods stay on nodes that are not ready, unreachable, under pressure or cordoned.</summary>
    private static readonly (string Key, string Effect)[] DefaultTolerations =
    [
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ];

    public static void AddTolerations(PodSpec spec)
    {
        var tolerations = spec.Tolerations ??= [];
        var added = DefaultTolerations.AsEnumerable();
        if (spec.HostNetwork == true) added = added.Append(("node.kubernetes.io/network-unavailable", "NoSchedule"));
        foreach (var (key, effect) in added)
        {
            var toleration = new Toleration { Key = key, Operator = "Exists", Effect = effect };
            var same = tolerations.FindIndex(t => t.Key == key && t.Operator == "Exists" && (t.Value ?? "") == "" && t.Effect == effect);
            if (same >= 0) tolerations[same] = toleration;
            else tolerations.Add(toleration);
        }
    }

    /// <summary>Upstream's CreatePodTemplate: the DaemonSet's template with the daemon tolerations, generation and revision labels.</summary>
    public static PodTemplateSpec Template(DaemonSet ds, string hash)
    {
        var template = KubeJson.Deserialize<PodTemplateSpec>(KubeJson.SerializeValue(ds.Spec.Template));
        AddTolerations(template.Spec);
        var labels = (template.Metadata ??= new ObjectMeta()).Labels ??= [];
        labels[TemplateGenerationLabel] = DaemonSetRules.TemplateGeneration(ds).ToString(CultureInfo.InvariantCulture);
        labels[ControllerHistory.HashLabel] = hash;
        return template;
    }

    /// <summary>Upstream's ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes "this node, by name".</summary>
    public static void PinToNode(PodSpec spec, string node)
    {
        var term = new NodeSelectorTerm { MatchFields = [new LabelSelectorRequirement { Key = "metadata.name", Operator = "In", Values = [node] }] };
        var affinity = spec.Affinity ??= new Affinity();
        var nodeAffinity = affinity.NodeAffinity ??= new Api.Core.NodeAffinity();
        nodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = [term] };
    }

    /// <summary>Upstream's GetTargetNodeName: the node a pod is on, or the one its affinity names while it waits for the scheduler.</summary>
    public static string? TargetNode(Pod pod) =>
        !string.IsNullOrEmpty(pod.Spec.NodeName) ? pod.Spec.NodeName
        : pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms
            .SelectMany(t => t.MatchFields ?? [])
            .FirstOrDefault(f => f.Key == "metadata.name" && f.Operator == "In" && f.Values is { Count: 1 })?.Values![0];

    private static readonly Scheduling.Plugins.NodeAffinity Affinity = new();

    /// <summary>The pod NodeShouldRunDaemonPod judges nodes with: the template plus the daemon tolerations, built once per sync.</summary>
    public static PodInfo Prototype(DaemonSet ds)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Namespace = ds.Metadata.Namespace, Labels = ds.Spec.Template.Metadata?.Labels },
            Spec = KubeJson.Deserialize<PodSpec>(KubeJson.SerializeValue(ds.Spec.Template.Spec)),
        };
        AddTolerations(pod.Spec);
        return new PodInfo(pod);
    }

    /// <summary>
    /// Upstream's NodeShouldRunDaemonPod: a daemon pod should run where its node name, selector and affinity fit and
    /// every NoSchedule/NoExecute taint is tolerated; one already there keeps running while its NoExecute taints are tolerated.
    /// </summary>
    public static (bool ShouldRun, bool ShouldContinueRunning) ShouldRun(Node node, PodInfo prototype)
    {
        var spec = prototype.Pod.Spec;
        if (!string.IsNullOrEmpty(spec.NodeName) && spec.NodeName != node.Metadata.Name) return (false, false);
        if (!Affinity.Filter(prototype, new NodeInfo(node, [])).IsSuccess) return (false, false);
        if (Tolerations.FirstUntolerated(node, spec.Tolerations, "NoSchedule", "NoExecute") is null) return (true, true);
        return (false, Tolerations.FirstUntolerated(node, spec.Tolerations, "NoExecute") is null);
    }

    /// <summary>Upstream's IsPodUpdated: the pod carries the current revision hash or template generation.</summary>
    public static bool IsUpdated(Pod pod, string hash, DaemonSet ds) =>
        pod.Metadata.Labels?.GetValueOrDefault(ControllerHistory.HashLabel) == hash
        || pod.Metadata.Labels?.GetValueOrDefault(TemplateGenerationLabel) == DaemonSetRules.TemplateGeneration(ds).ToString(CultureInfo.InvariantCulture);

    /// <summary>Upstream's podByCreationTimestampAndPhase: scheduled pods first, then oldest first, then by name.</summary>
    public static IOrderedEnumerable<Pod> Oldest(IEnumerable<Pod> pods) =>
        pods.OrderBy(p => string.IsNullOrEmpty(p.Spec.NodeName) ? 1 : 0)
            .ThenBy(p => p.Metadata.CreationTimestamp)
            .ThenBy(p => p.Metadata.Name, StringComparer.Ordinal);
}
