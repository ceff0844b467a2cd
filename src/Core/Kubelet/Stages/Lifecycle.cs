using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Prober;

namespace Playground.Core.Kubelet.Stages;

/// <summary>
/// A pod's life on its node as a table of stages (in the manner of KWOK's pod stages): admission, volumes, sandbox, then for
/// each container image → create → start, exits and restarts with back-off, and graceful deletion. The kubelet runs
/// whichever applicable stage is due first; nothing here remembers a pod between stages but the pod itself and the
/// runtime, so a restarted kubelet continues from the stored state. Delays are realistic at 1× speed.
/// </summary>
public static class Lifecycle
{
    private static readonly TimeSpan MaxPullBackoff = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<Stage> Stages { get; } =
    [
        new("pod-accepted",
            s => Pod(!s.Terminating && !s.Accepted),
            Between(20, 120), Patches.Accept),
        new("volume-mount-failed",
            s => Pod(s.AwaitingSandbox && s.Node.Volumes.Failures(s.Pod).Count > 0),
            AfterMountRetry(0, 100), Patches.MountFailed),
        new("sandbox-ready",
            s => Pod(s.AwaitingSandbox && s.Node.Volumes.Failures(s.Pod).Count == 0),
            AfterMountRetry(300, 800), Patches.StartSandbox),
        new("image-never-pulled",
            s => Next(s, c => c.Step == ContainerStep.NeedsImage && c.PullPolicy == "Never" && !s.Node.Runtime.HasImage(c.Reference)),
            AfterBackoff(10, 60), Patches.ErrImageNeverPull,
            Warning("ErrImageNeverPull", (_, c) => $"Container image \"{c!.Image}\" is not present with pull policy of Never")),
        new("image-present",
            s => Next(s, c => c.Step == ContainerStep.NeedsImage && c.PullPolicy != "Always" && s.Node.Runtime.HasImage(c.Reference)),
            AfterBackoff(10, 60), Patches.ImagePresent,
            Normal("Pulled", (_, c) => $"Container image \"{c!.Image}\" already present on machine")),
        new("image-pulling",
            s => Next(s, c => c.Step == ContainerStep.NeedsImage && (c.PullPolicy == "Always" || (c.PullPolicy != "Never" && !s.Node.Runtime.HasImage(c.Reference)))),
            AfterBackoff(10, 60), Patches.StartPull,
            Normal("Pulling", (_, c) => $"Pulling image \"{c!.Image}\"")),
        new("image-pull-failed",
            s => Next(s, c => c.Step == ContainerStep.Pulling && ImageCatalog.PullError(c.Reference) is not null),
            Until((s, t) => t[0].Runtime!.PullDoneAt), Patches.PullFailed,
            Warning("Failed", (_, c) => $"Failed to pull image \"{c!.Image}\": {ImageCatalog.PullError(c.Reference)}"),
            Warning("Failed", (_, _) => "Error: ErrImagePull")),
        new("image-pull-back-off",
            s => Next(s, c => c.Step == ContainerStep.PullFailed),
            Between(100, 400), Patches.PullBackOff,
            Normal("BackOff", (_, c) => $"Back-off pulling image \"{c!.Image}\""),
            Warning("Failed", (_, _) => "Error: ImagePullBackOff")),
        new("image-pulled",
            s => Next(s, c => c.Step == ContainerStep.Pulling && ImageCatalog.PullError(c.Reference) is null),
            Until((s, t) => t[0].Runtime!.PullDoneAt), Patches.FinishPull,
            Normal("Pulled", (_, c) => $"Successfully pulled image \"{c!.Image}\" in {GoDuration.Format(c.Runtime!.PullDuration)} ({GoDuration.Format(c.Runtime.PullDoneAt - c.Runtime.PullStartedAt)} including waiting). Image size: {c.Runtime.PulledBytes} bytes.")),
        new("container-config-error",
            s => Next(s, c => c.Step == ContainerStep.ImageReady && s.Node.Environment(s.Pod, c.Spec).Error is not null),
            Between(50, 200), Patches.ConfigError,
            Warning("Failed", (x, c) => $"Error: {x.Node.Environment(x.Pod, c!.Spec).Error}")),
        new("container-created",
            s => Next(s, c => c.Step == ContainerStep.ImageReady && s.Node.Environment(s.Pod, c.Spec).Error is null),
            Between(80, 300), Patches.Create,
            Normal("Created", (_, c) => $"Created container: {c!.Name}")),
        new("container-started",
            s => Next(s, c => c.Step == ContainerStep.Created),
            Between(30, 200), Patches.Start,
            Normal("Started", (_, c) => $"Started container {c!.Name}")),
        new("container-probed",
            s => All(s.Terminating ? [] : s.Containers.Where(c => c.Step == ContainerStep.Running && c.Runtime?.StopDueAt is null
                && (Started(c) != (c.Status?.Started == true) || Ready(c) != (c.Status?.Ready == true)))),
            Between(5, 50), Patches.Probed),
        new("container-unhealthy",
            s => First(s.Terminating ? [] : s.Containers.Where(c => c.Step == ContainerStep.Running && c.Runtime?.StopDueAt is null && FailedProbe(c) is not null)),
            Between(5, 50), Patches.KillUnhealthy,
            Normal("Killing", (_, c) => $"Container {c!.Name} failed {FailedProbe(c)} probe, will be restarted")),
        new("container-killed",
            s => First(s.Terminating ? [] : s.Running.Where(c => c.Runtime?.StopDueAt is not null).OrderBy(c => c.Runtime!.StopDueAt)),
            Until((s, t) => t[0].Runtime!.StopDueAt!.Value), Patches.Killed),
        new("container-oom-killed",
            s => First(s.Terminating ? [] : s.Running.Where(c => OomKilledAt(c) is not null).OrderBy(OomKilledAt)),
            Until((s, t) => OomKilledAt(t[0])!.Value), Patches.OomKilled),
        new("container-exited",
            s => First(s.Terminating ? [] : s.Running.Where(c => c.Process.ExitAfter is not null).OrderBy(ExitsAt)),
            Until((s, t) => ExitsAt(t[0])), Patches.Exit),
        new("container-definition-changed",
            s => All(s.Terminating ? [] : s.Running.Where(c => c.Status?.Image != c.Reference.Normalized)),
            Between(0, 50), Patches.Replace,
            Normal("Killing", (_, c) => $"Container {c!.Name} definition changed, will be restarted")),
        new("container-back-off",
            s => First(s.Terminating ? [] : s.All.Where(c => c.Step == ContainerStep.Exited)),
            Between(200, 700), Patches.BackOff,
            Warning("BackOff", (x, c) => $"Back-off restarting failed container {c!.Name} in pod {PodRef(x.Pod)}")),
        new("sandbox-stopped",
            s => Pod(!s.Terminating && s.Finished && s.SandboxReady),
            Between(200, 600), Patches.StopSandbox),
        new("containers-stopping",
            s => All(s.Terminating ? s.Running.Where(c => c.Runtime?.StopDueAt is null) : []),
            Between(0, 30), Patches.Stop,
            Normal("Killing", (_, c) => $"Stopping container {c!.Name}")),
        new("containers-stopped",
            s => s.Terminating && s.Running.Any() && s.Running.All(c => c.Runtime?.StopDueAt is not null)
                ? s.Running.GroupBy(c => c.Runtime!.StopDueAt).OrderBy(g => g.Key).First().ToList()
                : null,
            Until((s, t) => t[0].Runtime!.StopDueAt!.Value), Patches.Stopped),
        new("pod-deleted",
            s => Pod(s.Terminating && !s.Running.Any()),
            Between(20, 120), Patches.Delete),
    ];

    /// <summary>The image pull back-off after some failed pulls in a row: 10 s doubling to 5 minutes.</summary>
    public static TimeSpan PullBackoff(int failures)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var delay = TimeSpan.FromSeconds(10);
        for (var i = 1; i < failures && delay < MaxPullBackoff; i++) delay += delay;
        return delay < MaxPullBackoff ? delay : MaxPullBackoff;
    }

    /// <summary>A running container has started once its startup probe succeeded, or at once without one.</summary>
    public static bool Started(ContainerTarget target) =>
        target.Spec.StartupProbe is null || target.PodState.Node.Probes.Get(target.Status?.ContainerID, ProbeType.Startup) == ProbeResult.Success;

    /// <summary>Ready once started and, with a readiness probe, while its last verdict is success.</summary>
    public static bool Ready(ContainerTarget target) =>
        Started(target) && (target.Spec.ReadinessProbe is null
            || target.PodState.Node.Probes.Get(target.Status?.ContainerID, ProbeType.Readiness) == ProbeResult.Success);

    /// <summary>"liveness" or "startup" when that probe has failed for the running container; null otherwise.</summary>
    public static string? FailedProbe(ContainerTarget target)
    {
        var id = target.Status?.ContainerID;
        if (target.Spec.StartupProbe is not null && target.PodState.Node.Probes.Get(id, ProbeType.Startup) == ProbeResult.Failure) return "startup";
        return target.Spec.LivenessProbe is not null && target.PodState.Node.Probes.Get(id, ProbeType.Liveness) == ProbeResult.Failure ? "liveness" : null;
    }

    /// <summary>When the container's process passes its memory limit, if it does.</summary>
    private static DateTimeOffset? OomKilledAt(ContainerTarget target)
    {
        var limit = target.Spec.Resources?.Limits?.GetValueOrDefault("memory");
        if (limit is null || target.Process.MemoryBytes <= Quantity.Bytes(limit)) return null;
        return (target.Runtime?.StartedAt ?? target.Status?.State?.Running?.StartedAt ?? target.PodState.Now) + target.Process.MemoryFrom;
    }

    /// <summary>How the kubelet names a pod in messages: name_namespace(uid).</summary>
    public static string PodRef(Pod pod) => $"{pod.Metadata.Name}_{pod.Metadata.Namespace}({pod.Metadata.Uid})";

    private static StageEvent Normal(string reason, Func<StageContext, ContainerTarget?, string> message) => new("Normal", reason, message);

    private static StageEvent Warning(string reason, Func<StageContext, ContainerTarget?, string> message) => new("Warning", reason, message);

    private static IReadOnlyList<ContainerTarget>? Pod(bool applies) => applies ? [] : null;

    private static IReadOnlyList<ContainerTarget>? Next(PodState state, Func<ContainerTarget, bool> applies) =>
        !state.Terminating && state.SandboxReady && state.Next is { } next && applies(next) ? [next] : null;

    private static IReadOnlyList<ContainerTarget>? First(IEnumerable<ContainerTarget> targets) =>
        targets.FirstOrDefault() is { } first ? [first] : null;

    private static IReadOnlyList<ContainerTarget>? All(IEnumerable<ContainerTarget> targets) =>
        targets.ToList() is { Count: > 0 } list ? list : null;

    private static DateTimeOffset ExitsAt(ContainerTarget target) =>
        (target.Runtime?.StartedAt ?? target.Status?.State?.Running?.StartedAt ?? target.PodState.Now) + target.Process.ExitAfter!.Value;

    private static Func<PodState, IReadOnlyList<ContainerTarget>, Random, TimeSpan> Between(int minMilliseconds, int maxMilliseconds) =>
        (_, _, random) => TimeSpan.FromMilliseconds(minMilliseconds + random.Next(maxMilliseconds - minMilliseconds + 1));

    /// <summary>A jittered delay that also waits out the container's restart back-off.</summary>
    private static Func<PodState, IReadOnlyList<ContainerTarget>, Random, TimeSpan> AfterBackoff(int minMilliseconds, int maxMilliseconds) =>
        (state, targets, random) =>
        {
            var wait = targets[0].NotBefore > state.Now ? targets[0].NotBefore - state.Now : TimeSpan.Zero;
            return wait + TimeSpan.FromMilliseconds(minMilliseconds + random.Next(maxMilliseconds - minMilliseconds + 1));
        };

    /// <summary>A jittered delay that also waits out the volume manager's back-off after a failed mount.</summary>
    private static Func<PodState, IReadOnlyList<ContainerTarget>, Random, TimeSpan> AfterMountRetry(int minMilliseconds, int maxMilliseconds) =>
        (state, _, random) =>
        {
            var retryAt = state.Node.Volumes.RetryAt(state.Uid);
            var wait = retryAt > state.Now ? retryAt - state.Now : TimeSpan.Zero;
            return wait + TimeSpan.FromMilliseconds(minMilliseconds + random.Next(maxMilliseconds - minMilliseconds + 1));
        };

    private static Func<PodState, IReadOnlyList<ContainerTarget>, Random, TimeSpan> Until(Func<PodState, IReadOnlyList<ContainerTarget>, DateTimeOffset> at) =>
        (state, targets, _) => at(state, targets) > state.Now ? at(state, targets) - state.Now : TimeSpan.Zero;
}
