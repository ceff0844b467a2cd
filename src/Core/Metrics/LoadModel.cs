using System.Text.RegularExpressions;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Controllers;

namespace Playground.Core.Metrics;

/// <summary>
/// Where simulated CPU demand comes from: a pod looping wget or curl against a Service (the HPA walkthrough's load
/// generator) sends each of them <see cref="GeneratorMilliCpu"/> spread over the Service's ready pods, and the
/// annotation <see cref="CpuLoadAnnotation"/> on a Deployment (total, e.g. "300m") or on a pod adds demand directly.
/// </summary>
public static partial class LoadModel
{
    /// <summary>`kubectl annotate deployment web playground.k8s.io/cpu-load=600m` puts 600m of CPU demand on web's serving pods.</summary>
    public const string CpuLoadAnnotation = "playground.k8s.io/cpu-load";

    /// <summary>What one busy request loop costs the pods that answer it.</summary>
    public const long GeneratorMilliCpu = 600;

    /// <summary>The extra CPU each running pod is asked for, in millicores, by pod uid.</summary>
    public static Dictionary<string, long> Demand(ApiServer.ApiServer api)
    {
        var demand = new Dictionary<string, long>();
        var pods = api.List<Pod>().Where(p => p.Status?.Phase == "Running" && p.Metadata.DeletionTimestamp is null).ToList();
        void Spread(IEnumerable<Pod> serving, long milliCpu)
        {
            var targets = serving.Where(PodReadiness.IsReady).ToList();
            foreach (var pod in targets) demand[pod.Metadata.Uid!] = demand.GetValueOrDefault(pod.Metadata.Uid!) + milliCpu / targets.Count;
        }
        foreach (var deployment in api.List<Deployment>())
        {
            if (Annotation(deployment.Metadata) is not { } load) continue;
            Spread(pods.Where(p => p.Metadata.Namespace == deployment.Metadata.Namespace && LabelSelectors.Matches(deployment.Spec.Selector, p.Metadata.Labels)), load);
        }
        foreach (var pod in pods)
        {
            if (Annotation(pod.Metadata) is { } own) demand[pod.Metadata.Uid!] = demand.GetValueOrDefault(pod.Metadata.Uid!) + own;
            foreach (var host in GeneratorTargets(pod))
            {
                var (name, ns) = ServiceOf(host, pod.Metadata.Namespace ?? "default");
                if (api.TryGet<Service>(ns, name) is not { Spec.Selector: { Count: > 0 } selector }) continue;
                Spread(pods.Where(p => p.Metadata.Namespace == ns && LabelSelectors.Matches(selector, p.Metadata.Labels)), GeneratorMilliCpu);
            }
        }
        return demand;
    }

    private static long? Annotation(ObjectMeta meta) =>
        meta.Annotations?.TryGetValue(CpuLoadAnnotation, out var text) == true && Quantity.TryParse(text, out var cores) ? (long)(cores * 1000) : null;

    /// <summary>The hosts a container hammers: a while loop running wget or curl against http://HOST.</summary>
    private static IEnumerable<string> GeneratorTargets(Pod pod)
    {
        foreach (var container in pod.Spec.Containers)
        {
            var script = string.Join(' ', [.. container.Command ?? [], .. container.Args ?? []]);
            if (!script.Contains("while", StringComparison.Ordinal)) continue;
            foreach (Match m in Request().Matches(script)) yield return m.Groups[1].Value;
        }
    }

    /// <summary>"web", "web.ns", "web.ns.svc" or "web.ns.svc.cluster.local" name a Service.</summary>
    private static (string Name, string Namespace) ServiceOf(string host, string ns)
    {
        var parts = host.Split('.');
        return (parts[0], parts.Length > 1 ? parts[1] : ns);
    }

    [GeneratedRegex(@"(?:wget|curl)\b[^;|&]*?https?://([a-z0-9]([-a-z0-9.]*[a-z0-9])?)")]
    private static partial Regex Request();
}
