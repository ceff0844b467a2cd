using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.ApiServer.Strategies;

public sealed class PodRules : ResourceStrategy<Pod>
{
    protected override void ResetStatus(Pod pod) =>
        pod.Status = new PodStatus { Phase = "Pending", QosClass = QosClass(pod.Spec) };

    protected override void Default(Pod pod, StrategyContext context)
    {
        PodSpecs.Default(pod.Spec);
        pod.Spec.ServiceAccountName ??= "default";
        pod.Spec.ServiceAccount ??= pod.Spec.ServiceAccountName;
        pod.Spec.EnableServiceLinks ??= true;
        pod.Spec.Priority ??= 0;
        pod.Spec.PreemptionPolicy ??= "PreemptLowerPriority";
        AddDefaultTolerations(pod.Spec);
    }

    protected override IEnumerable<FieldError> ValidateObject(Pod pod) => PodSpecs.Validate(pod.Spec, "spec");

    /// <summary>A running pod's spec is fixed but for its images, as upstream allows.</summary>
    protected override IEnumerable<FieldError> ValidateChange(Pod updated, Pod old)
    {
        var before = Serialization.KubeJson.Clone(old).Spec;
        var after = Serialization.KubeJson.Clone(updated).Spec;
        foreach (var (a, b) in after.Containers.Zip(before.Containers)) a.Image = b.Image;
        after.NodeName ??= before.NodeName;
        after.ActiveDeadlineSeconds = before.ActiveDeadlineSeconds;
        after.Tolerations = before.Tolerations;
        if (Serialization.KubeJson.SerializeValue(after) != Serialization.KubeJson.SerializeValue(before))
            yield return FieldError.Forbidden("spec", "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
    }

    /// <summary>The DefaultTolerationSeconds admission plugin: 300 s on not-ready and unreachable nodes.</summary>
    private static void AddDefaultTolerations(PodSpec spec)
    {
        spec.Tolerations ??= [];
        foreach (var key in new[] { "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable" })
        {
            if (spec.Tolerations.Any(t => t.Key == key || (t.Key is null && t.Operator == "Exists"))) continue;
            spec.Tolerations.Add(new Toleration { Key = key, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 });
        }
    }

    /// <summary>Guaranteed when every container's requests equal its limits, BestEffort when none set any, else Burstable.</summary>
    public static string QosClass(PodSpec spec)
    {
        var containers = spec.Containers.Concat(spec.InitContainers ?? []).ToList();
        bool Any(Container c) => (c.Resources?.Requests?.Count ?? 0) + (c.Resources?.Limits?.Count ?? 0) > 0;
        if (!containers.Any(Any)) return "BestEffort";
        bool Guaranteed(Container c)
        {
            var limits = c.Resources?.Limits ?? [];
            var requests = c.Resources?.Requests ?? limits;
            return limits.ContainsKey("cpu") && limits.ContainsKey("memory")
                && requests.All(r => limits.TryGetValue(r.Key, out var l) && Api.Meta.Quantity.Parse(l) == Api.Meta.Quantity.Parse(r.Value));
        }
        return containers.All(Guaranteed) ? "Guaranteed" : "Burstable";
    }
}
