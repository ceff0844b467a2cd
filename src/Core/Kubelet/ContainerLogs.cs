using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet.Images;

namespace Playground.Core.Kubelet;

/// <summary>
/// What `kubectl logs` reads: the output of a container's current (or previous) run, worked out from its image,
/// command and start time. Refusals carry the API server's wording, as 400 Bad Request.
/// </summary>
public static class ContainerLogs
{
    public static string Read(ApiServer.ApiServer api, Pod pod, string? container = null, bool previous = false)
    {
        var entries = Entries(api, pod, container, previous);
        return entries.Count == 0 ? "" : string.Join('\n', entries.Select(e => e.Line)) + "\n";
    }

    /// <summary>The same lines with the time each was written, for --timestamps, --since and --tail.</summary>
    public static IReadOnlyList<(DateTimeOffset Time, string Line)> Entries(ApiServer.ApiServer api, Pod pod, string? container = null, bool previous = false)
    {
        var podName = pod.Metadata.Name ?? "";
        var all = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).ToList();
        if (string.IsNullOrEmpty(container))
        {
            if (pod.Spec.Containers.Count != 1)
            {
                var message = $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', pod.Spec.Containers.Select(c => c.Name))}]";
                if (pod.Spec.InitContainers is { Count: > 0 } init) message += $" or one of the init containers: [{string.Join(' ', init.Select(c => c.Name))}]";
                throw ApiException.BadRequest(message);
            }
            container = pod.Spec.Containers[0].Name;
        }
        var spec = all.FirstOrDefault(c => c.Name == container)
            ?? throw ApiException.BadRequest($"container {container} is not valid for pod {podName}");
        var status = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == container);
        var (startedAt, finishedAt) = Run(podName, container, status, previous);

        var node = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : api.TryGet<Node>(null, pod.Spec.NodeName);
        var cpus = (int)Math.Max(1, Quantity.MilliCpu(node?.Status?.Capacity?.GetValueOrDefault("cpu") ?? "1") / 1000);
        var context = new ProcessContext(ImageReference.Parse(spec.Image ?? "").Tag, podName, pod.Status?.PodIP,
            ContainerEnvironment.Build(api, pod, spec).Variables, startedAt, cpus, spec.Stdin == true);
        return [.. ContainerProcesses.For(spec, context).Entries(startedAt, (finishedAt ?? api.Now) - startedAt)];
    }

    /// <summary>The run to read, as the API server's validateContainerLogStatus chooses it, or why there is none.</summary>
    private static (DateTimeOffset StartedAt, DateTimeOffset? FinishedAt) Run(string pod, string container, ContainerStatus? status, bool previous)
    {
        if (previous)
        {
            return status?.LastState?.Terminated is { StartedAt: { } started } last
                ? (started, last.FinishedAt)
                : throw ApiException.BadRequest($"previous terminated container \"{container}\" in pod \"{pod}\" not found");
        }
        if (status?.State?.Running is { StartedAt: { } running }) return (running, null);
        if (status?.State?.Terminated is { StartedAt: { } began } terminated) return (began, terminated.FinishedAt);
        if (status?.LastState?.Terminated is { StartedAt: { } earlier } lastRun) return (earlier, lastRun.FinishedAt);
        var reason = status?.State?.Waiting?.Reason;
        throw ApiException.BadRequest(reason switch
        {
            "ErrImagePull" => $"container \"{container}\" in pod \"{pod}\" is waiting to start: image can't be pulled",
            "ImagePullBackOff" => $"container \"{container}\" in pod \"{pod}\" is waiting to start: trying and failing to pull image",
            null => $"container \"{container}\" in pod \"{pod}\" is waiting to start: ContainerCreating",
            _ => $"container \"{container}\" in pod \"{pod}\" is waiting to start: {reason}",
        });
    }
}
