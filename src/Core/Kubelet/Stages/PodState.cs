using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;

namespace Playground.Core.Kubelet.Stages;

/// <summary>Where one container stands, from its status and the runtime's record: what the kubelet would do next.</summary>
public enum ContainerStep
{
    /// <summary>Waiting, nothing done yet: its image is checked or pulled next.</summary>
    NeedsImage,
    Pulling,

    /// <summary>The pull failed (ErrImagePull) and its back-off has not been shown yet.</summary>
    PullFailed,
    ImageReady,
    Created,
    Running,

    /// <summary>Exited and due to restart, but its back-off has not been shown yet.</summary>
    Exited,

    /// <summary>Waiting on an error the kubelet cannot fix by itself (a missing image or ConfigMap).</summary>
    Blocked,

    /// <summary>Finished for good: a completed init container, or one its restart policy does not restart.</summary>
    Done,
}

/// <summary>One container of the pod as the stages see it.</summary>
public sealed class ContainerTarget
{
    internal ContainerTarget(PodState pod, Container spec, bool init, ContainerStatus? status)
    {
        PodState = pod;
        Spec = spec;
        Init = init;
        Status = status;
        var terminated = status?.State?.Terminated;
        var backingOff = status?.State?.Waiting is not null && status.LastState?.Terminated is not null;
        Run = (status?.RestartCount ?? 0) + (terminated is not null || backingOff ? 1 : 0);
        var runtime = pod.Node.Runtime.Container(pod.Uid, spec.Name, Run);
        // A record for another image is stale: the image was changed in the pod's spec, and starts over without back-off.
        Runtime = runtime?.Image is { } image && image != spec.Image ? null : runtime;
        if (terminated is not null || backingOff)
        {
            var finished = (terminated ?? status!.LastState!.Terminated!).FinishedAt ?? pod.Now;
            NotBefore = finished + pod.Node.Runtime.CrashBackoff(pod.Uid, spec.Name, status!.RestartCount, finished);
        }
        if (Runtime is { Step: RuntimeStep.PullFailed } failed && failed.PullRetryAt > NotBefore) NotBefore = failed.PullRetryAt;
        Step = StepOf(pod, terminated, backingOff);
    }

    public PodState PodState { get; }
    public Container Spec { get; }
    public bool Init { get; }
    public ContainerStatus? Status { get; }
    public RuntimeContainer? Runtime { get; }
    public ContainerStep Step { get; }

    /// <summary>Which run of the container the kubelet works on: its restart count, plus one when it must start again.</summary>
    public int Run { get; }

    /// <summary>When the run it is on ended, for a container that exited and has not run again.</summary>
    public DateTimeOffset? FinishedAt => (Status?.State?.Terminated ?? (Status?.State?.Waiting is not null ? Status?.LastState?.Terminated : null))?.FinishedAt;

    /// <summary>A restart, or another try at a failed pull, waits for its back-off to pass.</summary>
    public DateTimeOffset NotBefore { get; } = DateTimeOffset.MinValue;

    public string Name => Spec.Name;
    public string Image => Spec.Image ?? "";
    public ImageReference Reference => ImageReference.Parse(Image);
    public string PullPolicy => Spec.ImagePullPolicy ?? "IfNotPresent";
    public string FieldPath => Init ? $"spec.initContainers{{{Name}}}" : $"spec.containers{{{Name}}}";

    /// <summary>What the container's process does; worked out on demand, as it needs the pod's environment.</summary>
    public ContainerProcess Process => _process ??= PodState.Node.Process(PodState.Pod, Spec, Status?.State?.Running?.StartedAt ?? PodState.Now);
    private ContainerProcess? _process;

    private ContainerStep StepOf(PodState pod, ContainerStateTerminated? terminated, bool backingOff)
    {
        if (Status?.State?.Running is not null) return ContainerStep.Running;
        if (terminated is not null)
        {
            if (!Restarts(pod.Pod, terminated.ExitCode)) return ContainerStep.Done;
            if (NotBefore > pod.Now) return ContainerStep.Exited;
        }
        // Errors the kubelet cannot fix hold the container until what was missing appears.
        var waiting = backingOff ? null : Status?.State?.Waiting?.Reason;
        if (waiting == "ErrImageNeverPull" && !pod.Node.Runtime.HasImage(Reference)) return ContainerStep.Blocked;
        if (waiting == "CreateContainerConfigError" && pod.Node.Environment(pod.Pod, Spec).Error is not null) return ContainerStep.Blocked;
        return Runtime?.Step switch
        {
            RuntimeStep.Pulling => ContainerStep.Pulling,
            RuntimeStep.PullFailed => Status?.State?.Waiting?.Reason == "ImagePullBackOff" ? ContainerStep.NeedsImage : ContainerStep.PullFailed,
            RuntimeStep.ImageReady => ContainerStep.ImageReady,
            RuntimeStep.Created => ContainerStep.Created,
            _ => ContainerStep.NeedsImage,
        };
    }

    /// <summary>Init containers rerun until they succeed (unless the pod never restarts); others follow the restart policy.</summary>
    private bool Restarts(Pod pod, int exitCode) => (Init, pod.Spec.RestartPolicy ?? "Always") switch
    {
        (true, "Never") => false,
        (true, _) => exitCode != 0,
        (false, "Always") => true,
        (false, "OnFailure") => exitCode != 0,
        _ => false,
    };
}

/// <summary>
/// A pod on this node as the stages read it: all derived from its stored state and the runtime's record, so a
/// restarted kubelet picks up where the last one stopped.
/// </summary>
public sealed class PodState
{
    public PodState(Pod pod, KubeletNode node, DateTimeOffset now)
    {
        Pod = pod;
        Node = node;
        Now = now;
        var initStatuses = pod.Status?.InitContainerStatuses ?? [];
        var statuses = pod.Status?.ContainerStatuses ?? [];
        InitContainers = (pod.Spec.InitContainers ?? []).Select(c => new ContainerTarget(this, c, true, initStatuses.FirstOrDefault(s => s.Name == c.Name))).ToList();
        Containers = pod.Spec.Containers.Select(c => new ContainerTarget(this, c, false, statuses.FirstOrDefault(s => s.Name == c.Name))).ToList();
    }

    public Pod Pod { get; }
    public KubeletNode Node { get; }
    public DateTimeOffset Now { get; }
    public string Uid => Pod.Metadata.Uid ?? "";
    public IReadOnlyList<ContainerTarget> InitContainers { get; }
    public IReadOnlyList<ContainerTarget> Containers { get; }
    public IEnumerable<ContainerTarget> All => InitContainers.Concat(Containers);

    public bool Terminating => Pod.Metadata.DeletionTimestamp is not null;

    /// <summary>The kubelet has admitted the pod and written its first status.</summary>
    public bool Accepted => Pod.Status?.StartTime is not null;

    public bool Finished => Pod.Status?.Phase is "Succeeded" or "Failed";

    public bool SandboxReady => Pod.Status?.Conditions?.Any(c => c.Type == "PodReadyToStartContainers" && c.Status == "True") == true;

    /// <summary>Admitted and not finished, but its sandbox is not up: its volumes are set up first.</summary>
    public bool AwaitingSandbox => !Terminating && Accepted && !SandboxReady && !Finished;

    public IEnumerable<ContainerTarget> Running => All.Where(c => c.Step == ContainerStep.Running);

    /// <summary>
    /// The container the kubelet starts next: init containers one by one until each has completed, then the app
    /// containers in order, those ready to act before those waiting out a back-off.
    /// </summary>
    public ContainerTarget? Next
    {
        get
        {
            foreach (var init in InitContainers)
            {
                if (init.Step == ContainerStep.Done && init.Status?.State?.Terminated?.ExitCode == 0) continue;
                return init.Step is ContainerStep.Running or ContainerStep.Done or ContainerStep.Blocked ? null : init;
            }
            var pending = Containers.Where(c => c.Step is not (ContainerStep.Running or ContainerStep.Done or ContainerStep.Blocked)).ToList();
            return pending.OrderBy(c => c.NotBefore > Now ? 1 : 0).FirstOrDefault();
        }
    }
}
