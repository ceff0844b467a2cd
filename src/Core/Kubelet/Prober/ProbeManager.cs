using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Kubelet.Images;
using Playground.Core.Simulation;

namespace Playground.Core.Kubelet.Prober;

/// <summary>
/// The kubelet's prober manager: a worker per probe of every container of the node's pods, each on its own periodic
/// timer. Until a running container has had its first probe the timer is work the cluster waits for (its first
/// verdict); after that probing is background housekeeping, and only what it causes (a restart) is work again.
/// Failed probes record Unhealthy events; changed results make the kubelet sync the pod.
/// </summary>
public sealed class ProbeManager(ClusterServices services, KubeletNode node, EventRecorder recorder, string actor, Func<string, Pod?> getPod, Action<string> resync)
{
    private readonly Dictionary<string, (string Uid, List<ProbeWorker> Workers)> _pods = [];

    /// <summary>Adds the workers of a pod seen for the first time, and runs a readiness probe at once for a running container not yet ready.</summary>
    public void Sync(string key, Pod pod)
    {
        if (_pods.TryGetValue(key, out var known) && known.Uid != pod.Metadata.Uid) Forget(key);
        if (!_pods.TryGetValue(key, out known))
        {
            var workers = new List<ProbeWorker>();
            foreach (var container in pod.Spec.Containers)
            {
                if (container.StartupProbe is { } startup) workers.Add(new ProbeWorker(ProbeType.Startup, container.Name, startup));
                if (container.ReadinessProbe is { } readiness) workers.Add(new ProbeWorker(ProbeType.Readiness, container.Name, readiness));
                if (container.LivenessProbe is { } liveness) workers.Add(new ProbeWorker(ProbeType.Liveness, container.Name, liveness));
            }
            _pods[key] = known = (pod.Metadata.Uid!, workers);
            foreach (var worker in workers) services.Loop.Post(() => Tick(key, worker, periodic: true));
            return;
        }
        foreach (var worker in known.Workers.Where(w => w.Type == ProbeType.Readiness))
        {
            var status = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == worker.ContainerName);
            if (status?.State?.Running is null || status.Ready == true || worker.Trigger is not null) continue;
            if (node.Probes.Get(status.ContainerID, ProbeType.Readiness) == ProbeResult.Success) continue;
            // The kubelet notices the container within its one-second relist, then asks for a readiness probe at once.
            worker.Trigger = services.Loop.After(TimeSpan.FromMilliseconds(services.Random.Next(1000)), () =>
            {
                worker.Trigger = null;
                Tick(key, worker, periodic: false);
            });
        }
    }

    public void Forget(string key)
    {
        if (!_pods.Remove(key, out var known)) return;
        foreach (var worker in known.Workers) worker.Forget(node.Probes);
    }

    private void Tick(string key, ProbeWorker worker, bool periodic)
    {
        var pod = getPod(key);
        if (pod is null || !_pods.TryGetValue(key, out var known) || known.Uid != pod.Metadata.Uid || !known.Workers.Contains(worker)) return;
        var spec = pod.Spec.Containers.FirstOrDefault(c => c.Name == worker.ContainerName);
        var status = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == worker.ContainerName);
        var now = services.Clock.Now;
        var (keepGoing, changed, failure) = worker.Tick(pod, status, node.Probes, () => ProbeFault.Failure(pod, worker.Type, worker.Spec) is { } fault ? (false, fault) : Probe(pod, spec!, status!, worker.Spec, now), now);
        if (failure is not null)
        {
            var cause = long.TryParse(pod.Metadata.ResourceVersion, out var revision) ? revision : (long?)null;
            recorder.Record(pod, "Warning", "Unhealthy", $"{worker.Type} probe failed: {failure}", new WriteContext(actor, cause), $"spec.containers{{{worker.ContainerName}}}");
        }
        if (changed) resync(key);
        if (!periodic || !keepGoing) return;
        var awaited = status?.State?.Running is not null && !worker.ProbedCurrent;
        worker.Timer = services.Loop.After(worker.Period, () => Tick(key, worker, periodic: true), background: !awaited);
    }

    private (bool, string) Probe(Pod pod, Container spec, ContainerStatus status, Probe probe, DateTimeOffset now)
    {
        var startedAt = status.State!.Running!.StartedAt ?? now;
        var record = node.Runtime.Container(pod.Metadata.Uid!, spec.Name, status.RestartCount);
        // The runtime knows the start to the millisecond; the status keeps whole seconds.
        var start = record?.StartedAt ?? startedAt;
        var process = node.Process(pod, spec, startedAt);
        var shell = ImageCatalog.Find(ImageReference.Parse(spec.Image ?? ""))?.ShellImage == true;
        return ProbeCheck.Run(probe, spec, process, now - start, pod.Status?.PodIP, shell);
    }
}
