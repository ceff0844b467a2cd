using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Kubelet.Images;

namespace Playground.Core.Kubelet.Stages;

/// <summary>The changes the stages make: each one small, each on the pod copy, the runtime or the node's addresses.</summary>
public static class Patches
{
    /// <summary>A container's status before it runs: waiting, not ready, reporting the image as the spec names it.</summary>
    public static ContainerStatus Waiting(Container container, string reason) => new()
    {
        Name = container.Name,
        Image = container.Image ?? "",
        ImageID = "",
        Ready = false,
        RestartCount = 0,
        Started = false,
        State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason } },
        LastState = new ContainerState(),
    };

    /// <summary>The kubelet admits the pod: its first status, with the node's address, a start time, every container waiting.</summary>
    public static void Accept(StageContext context)
    {
        var status = context.Status;
        var pod = context.Pod;
        var initializing = pod.Spec.InitContainers is { Count: > 0 };
        status.Phase = "Pending";
        status.HostIP = context.Node.HostIp;
        status.HostIPs = [new PodIP { Ip = context.Node.HostIp }];
        status.StartTime = context.Now;
        status.InitContainerStatuses = initializing ? pod.Spec.InitContainers!.Select(c => Waiting(c, "PodInitializing")).ToList() : null;
        // Upstream lists app container statuses sorted by name.
        status.ContainerStatuses = pod.Spec.Containers
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => Waiting(c, initializing ? "PodInitializing" : "ContainerCreating"))
            .ToList();
        context.SetCondition("PodReadyToStartContainers", false);
    }

    /// <summary>Some volume cannot be set up (a missing ConfigMap or Secret): each is reported, and the next try backs off.</summary>
    public static void MountFailed(StageContext context)
    {
        foreach (var failure in context.Node.Volumes.Failures(context.Pod)) context.Events.Add(("Warning", "FailedMount", failure));
        context.Node.Volumes.Failed(context.State.Uid, context.Now);
    }

    /// <summary>The volumes are set up, the pod sandbox is up and the CNI plugin gave it an address from the node's pod CIDR.</summary>
    public static void StartSandbox(StageContext context)
    {
        context.Node.Volumes.Forget(context.State.Uid);
        var ip = context.Pod.Spec.HostNetwork == true ? context.Node.HostIp : context.Node.Ips.Allocate(context.State.Uid);
        context.Status.PodIP = ip;
        context.Status.PodIPs = [new PodIP { Ip = ip }];
        context.SetCondition("PodReadyToStartContainers", true);
    }

    /// <summary>Once the pod has finished, its sandbox is torn down and its address given back.</summary>
    public static void StopSandbox(StageContext context)
    {
        context.Node.Ips.Release(context.State.Uid);
        context.SetCondition("PodReadyToStartContainers", false);
    }

    public static void ErrImageNeverPull(StageContext context)
    {
        Restarting(context);
        SetWaiting(context, "ErrImageNeverPull", t => $"Container image \"{t.Image}\" is not present with pull policy of Never");
    }

    /// <summary>A container that exited starts its next run: the kubelet moves its crash back-off on (doBackOff).</summary>
    private static void Restarting(StageContext context)
    {
        foreach (var target in context.Targets)
            if (target.FinishedAt is { } finished) context.Node.Runtime.Restarting(context.State.Uid, target.Name, target.Status!.RestartCount, finished);
    }

    public static void ImagePresent(StageContext context)
    {
        Restarting(context);
        foreach (var target in context.Targets)
        {
            var record = context.Node.Runtime.Track(context.State.Uid, target.Name, target.Run);
            record.Step = RuntimeStep.ImageReady;
            record.Image = target.Image;
        }
    }

    /// <summary>
    /// Queues the pull on the node's one puller: it starts when earlier pulls are done and takes 1–3 s by the
    /// image's size, or well under a second when the image is already there and only its tag is checked.
    /// </summary>
    public static void StartPull(StageContext context)
    {
        Restarting(context);
        var runtime = context.Node.Runtime;
        foreach (var target in context.Targets)
        {
            var reference = target.Reference;
            var size = ImageCatalog.SizeOf(reference);
            // A registry refuses a missing image within a round trip or two; an image on the node only has its tag checked.
            var duration = ImageCatalog.PullError(reference) is not null ? TimeSpan.FromMilliseconds(300 + context.Random.Next(900))
                : runtime.HasImage(reference) ? TimeSpan.FromMilliseconds(300 + context.Random.Next(400))
                : TimeSpan.FromMilliseconds(Math.Min(3000, 1000 + size / 150_000.0 * (1 + context.Random.NextDouble() * 0.15)));
            var failures = target.Runtime?.PullFailures ?? 0;
            var record = runtime.Track(context.State.Uid, target.Name, target.Run);
            record.PullFailures = failures;
            record.Image = target.Image;
            var start = runtime.PullerFreeAt > context.Now ? runtime.PullerFreeAt : context.Now;
            record.Step = RuntimeStep.Pulling;
            record.PullStartedAt = context.Now;
            record.PullDuration = TimeSpan.FromMilliseconds(Math.Round(duration.TotalMilliseconds));
            record.PullDoneAt = start + record.PullDuration;
            record.PulledBytes = size;
            runtime.PullerFreeAt = record.PullDoneAt;
        }
    }

    public static void FinishPull(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var record = context.RuntimeOf(target);
            context.Node.Runtime.AddImage(target.Reference, record.PulledBytes);
            record.Step = RuntimeStep.ImageReady;
        }
    }

    /// <summary>ErrImagePull: the pull failed, and the next try waits out the image back-off (10 s doubling to 5 minutes).</summary>
    public static void PullFailed(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var record = context.RuntimeOf(target);
            record.Step = RuntimeStep.PullFailed;
            record.PullFailures++;
            record.PullRetryAt = context.Now + Lifecycle.PullBackoff(record.PullFailures);
        }
        SetWaiting(context, "ErrImagePull", t => ImageCatalog.PullError(t.Reference) ?? "");
    }

    public static void PullBackOff(StageContext context) => SetWaiting(context, "ImagePullBackOff",
        t => $"Back-off pulling image \"{t.Image}\": ErrImagePull: {ImageCatalog.PullError(t.Reference)}");

    public static void ConfigError(StageContext context) => SetWaiting(context, "CreateContainerConfigError",
        t => context.Node.Environment(context.Pod, t.Spec).Error ?? "");

    public static void Create(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var record = context.RuntimeOf(target);
            record.Step = RuntimeStep.Created;
            var id = new byte[32];
            context.Random.NextBytes(id);
            record.ContainerId = Convert.ToHexStringLower(id);
        }
    }

    /// <summary>The container runs: its status shows the resolved image, the container ID, and the run it is on.</summary>
    public static void Start(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var status = context.StatusOf(target);
            var reference = target.Reference;
            var previous = status.State?.Terminated ?? status.LastState?.Terminated;
            status.RestartCount = target.Run;
            status.LastState = target.Run > 0 && previous is not null ? new ContainerState { Terminated = previous } : new ContainerState();
            status.State = new ContainerState { Running = new ContainerStateRunning { StartedAt = context.Now } };
            var record = context.RuntimeOf(target);
            record.StartedAt = context.Now;
            status.ContainerID = "containerd://" + record.ContainerId;
            status.Image = reference.Normalized;
            status.ImageID = reference.ImageId;
            // With a startup probe the container counts as started only once it succeeds; readiness waits for that too.
            status.Started = target.Init || target.Spec.StartupProbe is null;
            status.Ready = !target.Init && target.Spec.StartupProbe is null && target.Spec.ReadinessProbe is null;
        }
    }

    /// <summary>A running container whose image was changed in the spec is stopped, to start again with the new image.</summary>
    public static void Replace(StageContext context)
    {
        foreach (var target in context.Targets) Terminate(context, target, 0, "Completed");
    }

    /// <summary>The prober's verdicts reach the status: started once the startup probe passed, ready while the readiness probe passes.</summary>
    public static void Probed(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var status = context.StatusOf(target);
            status.Started = Lifecycle.Started(target);
            status.Ready = Lifecycle.Ready(target);
        }
    }

    /// <summary>A container failed its liveness or startup probe: it is stopped with its grace period, then restarted.</summary>
    public static void KillUnhealthy(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var probe = Lifecycle.FailedProbe(target) == "startup" ? target.Spec.StartupProbe : target.Spec.LivenessProbe;
            var grace = probe?.TerminationGracePeriodSeconds ?? context.Pod.Spec.TerminationGracePeriodSeconds ?? 30;
            StopBy(context, target, context.Now + TimeSpan.FromSeconds(grace));
        }
    }

    /// <summary>A stopped container is gone: exit 0 after a clean shutdown, 137 when killed at the end of its grace period.</summary>
    public static void Killed(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var killed = context.RuntimeOf(target).KilledAtDeadline;
            Terminate(context, target, killed ? 137 : 0, killed ? "Error" : "Completed");
        }
    }

    /// <summary>The container's memory passed its limit: the kernel's OOM killer ends it with SIGKILL.</summary>
    public static void OomKilled(StageContext context)
    {
        foreach (var target in context.Targets) Terminate(context, target, 137, "OOMKilled");
    }

    /// <summary>The container's process ended by itself; a successful init container counts as ready.</summary>
    public static void Exit(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var code = target.Process.ExitCode;
            Terminate(context, target, code, code == 0 ? "Completed" : "Error");
            context.StatusOf(target).Ready = target.Init && code == 0;
        }
    }

    /// <summary>CrashLoopBackOff: the container waits out its back-off before it runs again.</summary>
    public static void BackOff(StageContext context)
    {
        foreach (var target in context.Targets)
        {
            var status = context.StatusOf(target);
            var delay = context.Node.Runtime.CrashBackoff(context.State.Uid, target.Name, status.RestartCount, target.FinishedAt ?? context.Now);
            status.LastState = new ContainerState { Terminated = status.State?.Terminated };
            status.State = new ContainerState
            {
                Waiting = new ContainerStateWaiting
                {
                    Reason = "CrashLoopBackOff",
                    Message = $"back-off {GoDuration.Format(delay)} restarting failed container={target.Name} pod={Lifecycle.PodRef(context.Pod)}",
                },
            };
        }
    }

    /// <summary>
    /// Sends the stop signal: the process exits after its image's usual shutdown time, or is killed when the grace
    /// period ends (a shell or sleep as PID 1 ignores SIGTERM).
    /// </summary>
    public static void Stop(StageContext context)
    {
        var deadline = context.Pod.Metadata.DeletionTimestamp ?? context.Now;
        foreach (var target in context.Targets) StopBy(context, target, deadline);
    }

    private static void StopBy(StageContext context, ContainerTarget target, DateTimeOffset deadline)
    {
        var record = context.RuntimeOf(target);
        var stopTime = ImageCatalog.Find(target.Reference)?.StopTime ?? TimeSpan.FromMilliseconds(200);
        var due = context.Now + stopTime + TimeSpan.FromMilliseconds(context.Random.Next(100));
        record.KilledAtDeadline = target.Process.IgnoresSigterm || due > deadline;
        record.StopDueAt = record.KilledAtDeadline ? (deadline > context.Now ? deadline : context.Now) : due;
    }

    /// <summary>The stopped containers are terminated: exit 0 after a clean shutdown, 137 when killed.</summary>
    public static void Stopped(StageContext context)
    {
        Killed(context);
        if (context.State.Running.All(r => context.Targets.Any(t => t.Name == r.Name && t.Init == r.Init))) StopSandbox(context);
    }

    public static void Delete(StageContext context) => context.DeletePod = true;

    private static void Terminate(StageContext context, ContainerTarget target, int exitCode, string reason)
    {
        var status = context.StatusOf(target);
        status.State = new ContainerState
        {
            Terminated = new ContainerStateTerminated
            {
                ExitCode = exitCode,
                Reason = reason,
                StartedAt = status.State?.Running?.StartedAt,
                FinishedAt = context.Now,
                ContainerID = status.ContainerID,
            },
        };
        status.Ready = false;
        status.Started = false;
    }

    private static void SetWaiting(StageContext context, string reason, Func<ContainerTarget, string> message)
    {
        foreach (var target in context.Targets)
        {
            var status = context.StatusOf(target);
            status.State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason, Message = message(target) } };
        }
    }
}
