using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Apps;

public sealed class Deployment : KubeObject
{
    public Deployment() { ApiVersion = "apps/v1"; Kind = "Deployment"; }
    public DeploymentSpec Spec { get; set; } = new();
    public DeploymentStatus? Status { get; set; }
}

public sealed class DeploymentSpec
{
    public int? Replicas { get; set; }
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
    public DeploymentStrategy? Strategy { get; set; }
    public int? MinReadySeconds { get; set; }
    public int? RevisionHistoryLimit { get; set; }
    public bool? Paused { get; set; }
    public int? ProgressDeadlineSeconds { get; set; }
}

public sealed class DeploymentStrategy
{
    public string? Type { get; set; }
    public RollingUpdateDeployment? RollingUpdate { get; set; }
}

public sealed class RollingUpdateDeployment
{
    public IntOrString? MaxUnavailable { get; set; }
    public IntOrString? MaxSurge { get; set; }
}

public sealed class DeploymentStatus
{
    public long? ObservedGeneration { get; set; }
    public int? Replicas { get; set; }
    public int? UpdatedReplicas { get; set; }
    public int? ReadyReplicas { get; set; }
    public int? AvailableReplicas { get; set; }
    public int? UnavailableReplicas { get; set; }
    public List<Condition>? Conditions { get; set; }
    public int? CollisionCount { get; set; }
}

public sealed class ReplicaSet : KubeObject
{
    public ReplicaSet() { ApiVersion = "apps/v1"; Kind = "ReplicaSet"; }
    public ReplicaSetSpec Spec { get; set; } = new();
    public ReplicaSetStatus? Status { get; set; }
}

public sealed class ReplicaSetSpec
{
    public int? Replicas { get; set; }
    public int? MinReadySeconds { get; set; }
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec? Template { get; set; }
}

public sealed class ReplicaSetStatus
{
    public int Replicas { get; set; }
    public int? FullyLabeledReplicas { get; set; }
    public int? ReadyReplicas { get; set; }
    public int? AvailableReplicas { get; set; }
    public long? ObservedGeneration { get; set; }
    public List<Condition>? Conditions { get; set; }
}
