using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Controllers;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Serialization;

namespace Playground.Core.Kubectl.Commands;

/// <summary>A Deployment's ReplicaSets as kubectl's rollout and describe commands read them.</summary>
public static class DeploymentRevisions
{
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";

    /// <summary>The ReplicaSets this Deployment controls, oldest first.</summary>
    public static IReadOnlyList<ReplicaSet> Owned(ApiServer.ApiServer api, Deployment d) =>
        ReplicaSetOrder.ByCreation(api.List<ReplicaSet>(d.Metadata.Namespace).Where(rs => ControllerRefs.ControllerOf(rs)?.Uid == d.Metadata.Uid)).ToList();

    /// <summary>A ReplicaSet's template as a Deployment holds it: without the pod-template-hash label.</summary>
    public static PodTemplateSpec Unhashed(PodTemplateSpec template)
    {
        var copy = KubeJson.Deserialize<PodTemplateSpec>(KubeJson.SerializeValue(template));
        copy.Metadata?.Labels?.Remove(Templates.HashLabel);
        return copy;
    }
}
