using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Apps;

public sealed class StatefulSet : KubeObject
{
    public StatefulSet() { ApiVersion = "apps/v1"; Kind = "StatefulSet"; }
    public StatefulSetSpec Spec { get; set; } = new();
    public StatefulSetStatus? Status { get; set; }
}

public sealed class StatefulSetSpec
{
    public int? Replicas { get; set; }
    public LabelSelector? Selector { get; set; }
    public PodTemplateSpec Template { get; set; } = new();
    public List<PersistentVolumeClaim>? VolumeClaimTemplates { get; set; }
    public string? ServiceName { get; set; }
    public string? PodManagementPolicy { get; set; }
    public StatefulSetUpdateStrategy? UpdateStrategy { get; set; }
    public int? RevisionHistoryLimit { get; set; }
    public int? MinReadySeconds { get; set; }
    public StatefulSetPersistentVolumeClaimRetentionPolicy? PersistentVolumeClaimRetentionPolicy { get; set; }
    public StatefulSetOrdinals? Ordinals { get; set; }
}

public sealed class StatefulSetUpdateStrategy
{
    public string? Type { get; set; }
    public RollingUpdateStatefulSetStrategy? RollingUpdate { get; set; }
}

public sealed class RollingUpdateStatefulSetStrategy
{
    public int? Partition { get; set; }
    public IntOrString? MaxUnavailable { get; set; }
}

public sealed class StatefulSetPersistentVolumeClaimRetentionPolicy
{
    public string? WhenDeleted { get; set; }
    public string? WhenScaled { get; set; }
}

public sealed class StatefulSetOrdinals
{
    public int? Start { get; set; }
}

public sealed class StatefulSetStatus
{
    public long? ObservedGeneration { get; set; }

    /// <summary>Upstream's replicas and availableReplicas are not omitempty: zero is written.</summary>
    public int Replicas { get; set; }
    public int? ReadyReplicas { get; set; }
    public int? CurrentReplicas { get; set; }
    public int? UpdatedReplicas { get; set; }
    public string? CurrentRevision { get; set; }
    public string? UpdateRevision { get; set; }
    public int? CollisionCount { get; set; }
    public List<Condition>? Conditions { get; set; }
    public int AvailableReplicas { get; set; }
}
