namespace Playground.Core.Kubelet.Stages;

/// <summary>An event a stage records, once per container it acts on (or once for the pod).</summary>
public sealed record StageEvent(string Type, string Reason, Func<StageContext, ContainerTarget?, string> Message);

/// <summary>
/// One step of a pod's life on its node, as data in the manner of KWOK's stages: which pods (and containers) it
/// applies to, read from their current state; how long after it applies it happens; what it changes; what it records.
/// </summary>
/// <param name="Name">A stable name, shown in traces and used to tell a pending step from a new one.</param>
/// <param name="Select">The containers the stage acts on, an empty list for the pod itself, or null when it does not apply.</param>
/// <param name="Delay">How long after it applies the stage happens, jittered with the sandbox's seeded randomness.</param>
/// <param name="Apply">The change: to the pod's status, the runtime, the node's addresses, or the pod's deletion.</param>
/// <param name="Events">What the kubelet records when the stage happens, in order.</param>
public sealed record Stage(
    string Name,
    Func<PodState, IReadOnlyList<ContainerTarget>?> Select,
    Func<PodState, IReadOnlyList<ContainerTarget>, Random, TimeSpan> Delay,
    Action<StageContext> Apply,
    params StageEvent[] Events);
