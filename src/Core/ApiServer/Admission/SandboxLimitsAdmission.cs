using Playground.Core.Api.Apps;
using Playground.Core.Api.Autoscaling;
using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;

namespace Playground.Core.ApiServer.Admission;

/// <summary>
/// Keeps a sandbox within its <see cref="SandboxLimits"/>: a create past the count of objects, pods or nodes, or a
/// workload asking for more replicas than allowed, is refused as a ResourceQuota would refuse it, whoever writes.
/// </summary>
public sealed class SandboxLimitsAdmission : IValidatingAdmission
{
    public const string Name = "sandbox-limits";

    public void Validate(AdmissionAttributes a)
    {
        if (a.Api.Limits is not { } limits) return;
        if (limits.Replicas is { } maxReplicas && Replicas(a.Object) is { } replicas && replicas > maxReplicas
            && (a.Operation == AdmissionOperation.Create || Replicas(a.Old!) != replicas))
            throw a.Forbidden($"exceeded quota: {Name}, requested: replicas={replicas}, limited: replicas={maxReplicas} (the most this playground allows one workload)");
        if (a.Operation != AdmissionOperation.Create) return;
        var store = a.Api.Store;
        if (a.Object is Pod) Check(a, "pods", store.CountOf("pods"), limits.Pods);
        if (a.Object is Node) Check(a, "nodes", store.CountOf("nodes"), limits.Nodes);
        if (a.Object is not Event) Check(a, "objects", store.Count - store.CountOf("events"), limits.Objects);
    }

    /// <summary>The replicas a workload asks for; null for any other kind.</summary>
    private static int? Replicas(Api.Meta.KubeObject obj) => obj switch
    {
        Deployment d => d.Spec.Replicas,
        ReplicaSet rs => rs.Spec.Replicas,
        StatefulSet s => s.Spec.Replicas,
        Job j => j.Spec.Parallelism,
        HorizontalPodAutoscaler h => h.Spec.MaxReplicas,
        _ => null,
    };

    private static void Check(AdmissionAttributes a, string resource, int used, int? limit)
    {
        if (limit is { } max && used >= max) throw Exceeded(a.Type.QualifiedPlural, a.Object.Metadata.Name ?? "", resource, used, max);
    }

    /// <summary>The refusal of one more <paramref name="resource"/> when <paramref name="used"/> have reached <paramref name="max"/>.</summary>
    public static ApiException Exceeded(string qualifiedPlural, string name, string resource, int used, int max) =>
        ApiException.Forbidden($"{qualifiedPlural} \"{name}\" is forbidden: exceeded quota: {Name}, requested: {resource}=1, used: {resource}={used}, "
            + $"limited: {resource}={max} (the most this playground allows one sandbox)");
}
