using System.Text;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>
/// GET pods/{name}/log: what the simulated container wrote, as text/plain (container, previous, tailLines, sinceSeconds,
/// timestamps); with follow=true new lines stream as the container writes them, until it stops or the client leaves.
/// </summary>
public static class PodLogs
{
    /// <summary>How often a follow asks the sandbox's loop for new lines, in real time.</summary>
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(200);

    private sealed record Options(string? Container, bool Previous, bool Timestamps, int? TailLines, int? SinceSeconds);

    private sealed record Snapshot(IReadOnlyList<(DateTimeOffset Time, string Line)> Entries, bool Running, DateTimeOffset Now);

    public static async Task<IResult> ServeAsync(HttpContext context, ResourcePath path)
    {
        if (path.Type.Plural != "pods") return KubeResponse.NotFound().ToResult();
        if (context.Request.Method != "GET")
            return KubeResponse.Failure(ApiException.MethodNotAllowed()).ToResult();
        var query = context.Request.Query;
        if (!TryInt(query["tailLines"], out var tail) || tail < 0) return Bad("tailLines: Invalid value: must be greater than or equal to 0");
        if (!TryInt(query["sinceSeconds"], out var since) || since < 1) return Bad("sinceSeconds: Invalid value: must be greater than 0");
        var options = new Options(query["container"].ToString() is { Length: > 0 } c ? c : null, IsTrue(query["previous"]), IsTrue(query["timestamps"]), tail, since);
        var follow = IsTrue(query["follow"]) && !options.Previous;

        var sandbox = KubeApiAccess.Sandbox(context);
        var (first, problem) = await sandbox.RunAsync(cluster => Read(cluster, path, options));
        if (problem is not null) return problem.ToResult();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        var entries = first!.Entries.AsEnumerable();
        if (options.SinceSeconds is { } seconds) entries = entries.Where(e => e.Time >= first.Now.AddSeconds(-seconds));
        if (options.TailLines is { } lines) entries = entries.TakeLast(lines);
        await WriteAsync(context, entries, options);

        var sent = first.Entries.Count;
        var running = first.Running;
        while (follow && running && !context.RequestAborted.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FollowInterval, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var (next, gone) = await sandbox.RunAsync(cluster => Read(cluster, path, options));
            if (gone is not null || next is null) break;
            // A restarted container is a new log; the old stream ends where upstream's would.
            if (next.Entries.Count < sent) break;
            await WriteAsync(context, next.Entries.Skip(sent), options);
            sent = next.Entries.Count;
            running = next.Running;
        }
        return Results.Empty;
    }

    /// <summary>Runs on the sandbox's loop: the container's lines so far and whether it still runs, or the Status that says why not.</summary>
    private static (Snapshot?, KubeResponse?) Read(SimulatedCluster cluster, ResourcePath path, Options options)
    {
        try
        {
            var pod = cluster.Api.Get<Pod>(path.Namespace, path.Name!);
            // A pod on no node has no kubelet to ask; the engine's kubectl logs prints nothing for it, and a follow ends at once.
            if (string.IsNullOrEmpty(pod.Spec.NodeName)) return (new Snapshot([], false, cluster.Api.Now), null);
            var entries = ContainerLogs.Entries(cluster.Api, pod, options.Container, options.Previous);
            var name = options.Container ?? pod.Spec.Containers[0].Name;
            var status = (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == name);
            var running = status?.State?.Running is not null && pod.Metadata.DeletionTimestamp is null;
            return (new Snapshot(entries, running, cluster.Api.Now), null);
        }
        catch (ApiException e)
        {
            return (null, KubeResponse.Failure(e));
        }
    }

    private static async Task WriteAsync(HttpContext context, IEnumerable<(DateTimeOffset Time, string Line)> entries, Options options)
    {
        var text = new StringBuilder();
        foreach (var (time, line) in entries)
            text.Append(options.Timestamps ? $"{KubeJson.FormatTime(time)[..^1]}.000000000Z {line}\n" : $"{line}\n");
        if (text.Length > 0) await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
        await context.Response.Body.FlushAsync();
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is "true" or "1";

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, out int? number)
    {
        number = null;
        if (value.Count == 0 || value.ToString().Length == 0) return true;
        if (!int.TryParse(value.ToString(), out var parsed)) return false;
        number = parsed;
        return true;
    }

    private static IResult Bad(string message) => KubeResponse.Failure(400, "BadRequest", message).ToResult();
}
