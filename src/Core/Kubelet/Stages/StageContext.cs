using Playground.Core.Api.Core;
using Playground.Core.Serialization;

namespace Playground.Core.Kubelet.Stages;

/// <summary>What a stage's change works on: a copy of the pod to patch, the containers it targets, the node.</summary>
public sealed class StageContext(PodState state, IReadOnlyList<ContainerTarget> targets, Random random)
{
    public PodState State { get; } = state;
    public IReadOnlyList<ContainerTarget> Targets { get; } = targets;
    public Random Random { get; } = random;
    public DateTimeOffset Now => State.Now;
    public KubeletNode Node => State.Node;

    /// <summary>The pod as the stage leaves it; its status is written back when it changed.</summary>
    public Pod Pod { get; } = KubeJson.Clone(state.Pod);

    public PodStatus Status => Pod.Status ??= new PodStatus();

    /// <summary>Events whose number the change itself decides (one per volume that failed to mount), recorded after the stage's own.</summary>
    public List<(string Type, string Reason, string Message)> Events { get; } = [];

    /// <summary>Set by the last stage of a deleted pod: the kubelet removes it from the API.</summary>
    public bool DeletePod { get; set; }

    /// <summary>The status entry of a container, added when the pod has none for it yet.</summary>
    public ContainerStatus StatusOf(ContainerTarget target)
    {
        var list = target.Init ? Status.InitContainerStatuses ??= [] : Status.ContainerStatuses ??= [];
        var status = list.FirstOrDefault(s => s.Name == target.Name);
        if (status is null)
        {
            status = Patches.Waiting(target.Spec, target.Init ? "PodInitializing" : "ContainerCreating");
            list.Add(status);
        }
        return status;
    }

    public RuntimeContainer RuntimeOf(ContainerTarget target) =>
        Node.Runtime.Container(State.Uid, target.Name, target.Run) ?? Node.Runtime.Track(State.Uid, target.Name, target.Run);

    public void SetCondition(string type, bool value)
    {
        var conditions = (Status.Conditions ?? []).ToDictionary(c => c.Type);
        PodStatusGenerator.Set(conditions, Now, type, value, null, null);
        Status.Conditions = conditions.Values.ToList();
    }
}
