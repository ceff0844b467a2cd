using System.Text.Json.Nodes;
using Playground.Core.Api.Autoscaling;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Metrics;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Autoscaling;

/// <summary>
/// Upstream's horizontal pod autoscaler controller for Resource metrics: every 15 s it reads the target's scale and
/// its pods' usage, computes the desired replicas, keeps the highest recommendation of the last 5 minutes (the
/// scale-down stabilization window), limits scale-up to max(2×current, 4) per sync, and writes the scale; with
/// spec.behavior set, its windows and policies decide instead (<see cref="ScalingBehavior"/>).
/// </summary>
public sealed class HorizontalPodAutoscalerController : IComponent
{
    public const string Actor = "horizontal-pod-autoscaler";

    /// <summary>--horizontal-pod-autoscaler-sync-period.</summary>
    public static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);

    /// <summary>--horizontal-pod-autoscaler-downscale-stabilization, used when spec.behavior does not say.</summary>
    public static readonly TimeSpan DownscaleStabilization = TimeSpan.FromMinutes(5);

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly EventLoop _loop;
    private readonly Informer<HorizontalPodAutoscaler> _hpas;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly Dictionary<string, List<(DateTimeOffset At, int Replicas)>> _recommendations = [];
    private readonly Dictionary<string, List<(DateTimeOffset At, int Change)>> _scaleEvents = [];
    private readonly Dictionary<string, IDisposable> _resyncs = [];

    public HorizontalPodAutoscalerController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _loop = services.Loop;
        _hpas = services.Informers.For<HorizontalPodAutoscaler>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start() => _hpas.OnChange((old, hpa, cause) =>
    {
        // Its own status writes do not wake it: like upstream, it looks again only every sync period.
        if (hpa is not null && (old is null || old.Metadata.Generation != hpa.Metadata.Generation)) _queue.Add(Informer<HorizontalPodAutoscaler>.KeyOf(hpa), cause);
    });

    private void Sync(string key, long? cause)
    {
        if (_resyncs.Remove(key, out var pending)) pending.Dispose();
        if (_hpas.Get(key) is not { } hpa)
        {
            _recommendations.Remove(key);
            _scaleEvents.Remove(key);
            return;
        }
        // The periodic resync is a background timer: an HPA never stops looking, and "until idle" must still finish; Advance drives it.
        var revision = long.TryParse(hpa.Metadata.ResourceVersion, out var rv) ? rv : (long?)null;
        _resyncs[key] = _loop.After(SyncPeriod, () => _queue.Add(key, revision), background: true);
        Reconcile(key, hpa, new WriteContext(Actor, cause ?? revision));
    }

    private void Reconcile(string key, HorizontalPodAutoscaler hpa, WriteContext context)
    {
        var now = _clock.Now;
        var status = KubeJson.Clone(hpa).Status ?? new HorizontalPodAutoscalerStatus();
        var conditions = status.Conditions ?? [];
        var reference = hpa.Spec.ScaleTargetRef;
        var type = _api.Resources.Resolve(reference.Kind) is { } t && t.Kind == reference.Kind ? t : null;
        KubeObject? target = null;
        try
        {
            if (type is not null) target = _api.Get(type, hpa.Metadata.Namespace, reference.Name);
        }
        catch (ApiException e) when (e.Code == 404)
        {
        }
        var spec = target is null ? null : KubeJson.ToNode(target)["spec"] as JsonObject;
        if (type is null || target is null || spec?["selector"] is null)
        {
            var problem = type is null
                ? $"the HPA controller was unable to get the target's current scale: no matches for kind \"{reference.Kind}\" in group \"\""
                : $"the HPA controller was unable to get the target's current scale: {type.QualifiedPlural} \"{reference.Name}\" not found";
            _events.Warning(hpa, "FailedGetScale", problem[(problem.IndexOf(": ", StringComparison.Ordinal) + 2)..], context);
            Set(conditions, "AbleToScale", "False", "FailedGetScale", problem, now);
            Write(hpa, status, conditions, context);
            return;
        }

        var currentReplicas = spec["replicas"]?.GetValue<int>() ?? 1;
        var statusReplicas = KubeJson.ToNode(target)["status"]?["replicas"]?.GetValue<int>() ?? 0;
        status.CurrentReplicas = statusReplicas;
        var min = hpa.Spec.MinReplicas ?? 1;
        var max = hpa.Spec.MaxReplicas;
        int desired;
        string? reason = null;
        if (currentReplicas == 0 && min != 0)
        {
            desired = 0;
            Set(conditions, "ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero", now);
        }
        else if (currentReplicas > max)
        {
            (desired, reason) = (max, "Current number of replicas above Spec.MaxReplicas");
        }
        else if (currentReplicas < min)
        {
            (desired, reason) = (min, "Current number of replicas below Spec.MinReplicas");
        }
        else
        {
            var selector = KubeJson.Deserialize<LabelSelector>(spec["selector"]!.ToJsonString());
            if (Recommend(hpa, currentReplicas, selector, status, conditions, now, context) is not { } recommended)
            {
                Write(hpa, status, conditions, context);
                return;
            }
            desired = recommended.Replicas;
            reason = desired > currentReplicas ? recommended.Reason : desired < currentReplicas ? "All metrics below target" : null;
            desired = hpa.Spec.Behavior is { } behavior
                ? NormalizeWithBehavior(key, behavior, currentReplicas, desired, min, max, conditions, now)
                : Normalize(key, hpa, currentReplicas, desired, min, max, conditions, now);
        }

        if (desired != currentReplicas)
        {
            spec["replicas"] = desired;
            var node = KubeJson.ToNode(target);
            node["spec"] = spec.DeepClone();
            _api.Update(_api.Resources.Decode(node), context);
            _events.Normal(hpa, "SuccessfulRescale", $"New size: {desired}; reason: {reason}", context);
            Set(conditions, "AbleToScale", "True", "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}", now);
            status.LastScaleTime = now;
            var events = _scaleEvents.TryGetValue(key, out var list) ? list : _scaleEvents[key] = [];
            events.RemoveAll(e => e.At <= now - TimeSpan.FromMinutes(30));
            events.Add((now, desired - currentReplicas));
        }
        status.DesiredReplicas = desired;
        Write(hpa, status, conditions, context);
    }

    /// <summary>The replica count the metrics ask for, or null (with ScalingActive False and events) when they cannot say.</summary>
    private (int Replicas, string Reason)? Recommend(HorizontalPodAutoscaler hpa, int currentReplicas, LabelSelector selector,
        HorizontalPodAutoscalerStatus status, List<Condition> conditions, DateTimeOffset now, WriteContext context)
    {
        var pods = _api.List<Pod>(hpa.Metadata.Namespace).Where(p => LabelSelectors.Matches(selector, p.Metadata.Labels)).ToList();
        var metrics = MetricsServer.Pods(_api, hpa.Metadata.Namespace).ToDictionary(u => u.Pod.Metadata.Uid!);
        (int Replicas, string Reason)? best = null;
        var current = new List<MetricStatus>();
        var metricSpecs = hpa.Spec.Metrics ?? [];
        var invalid = 0;
        string? firstError = null;
        foreach (var metric in metricSpecs)
        {
            if (metric is not { Type: "Resource", Resource: { Target.Type: "Utilization", Target.AverageUtilization: { } target } resource })
            {
                invalid++;
                firstError ??= $"invalid metric source: only Resource metrics with a Utilization target are simulated";
                continue;
            }
            try
            {
                var recommendation = ReplicaCalculator.Calculate(currentReplicas, target, resource.Name, pods, metrics);
                current.Add(new MetricStatus
                {
                    Type = "Resource",
                    Resource = new ResourceMetricStatus
                    {
                        Name = resource.Name,
                        Current = new MetricValueStatus { AverageUtilization = recommendation.Utilization, AverageValue = resource.Name == "cpu" ? Milli(recommendation.AverageMilliValue) : recommendation.AverageMilliValue.ToString() },
                    },
                });
                var name = $"{resource.Name} resource utilization (percentage of request)";
                if (best is null || recommendation.Replicas > best.Value.Replicas) best = (recommendation.Replicas, $"{name} above target");
            }
            catch (MetricsException e)
            {
                invalid++;
                var message = $"failed to get {resource.Name} utilization: {e.Message}";
                _events.Warning(hpa, "FailedGetResourceMetric", message, context);
                firstError ??= $"failed to get {resource.Name} resource metric value: {message}";
            }
        }
        status.CurrentMetrics = current.Count == 0 ? null : current;
        if (invalid > 0 && (best is null || invalid == metricSpecs.Count))
        {
            _events.Warning(hpa, "FailedComputeMetricsReplicas", $"invalid metrics ({invalid} invalid out of {metricSpecs.Count}), first error is: {firstError}", context);
            Set(conditions, "ScalingActive", "False", "FailedGetResourceMetric", $"the HPA was unable to compute the replica count: {firstError}", now);
            return null;
        }
        var first = metricSpecs.First(m => m.Resource is not null).Resource!.Name;
        Set(conditions, "ScalingActive", "True", "ValidMetricFound", $"the HPA was able to successfully calculate a replica count from {first} resource utilization (percentage of request)", now);
        return best;
    }

    /// <summary>
    /// Upstream's normalizeDesiredReplicas: the highest recommendation within the stabilization window, then the
    /// min/max bounds and the scale-up limit of max(2×current, 4), with AbleToScale and ScalingLimited saying which applied.
    /// </summary>
    private int Normalize(string key, HorizontalPodAutoscaler hpa, int current, int recommended, int min, int max, List<Condition> conditions, DateTimeOffset now)
    {
        var window = hpa.Spec.Behavior?.ScaleDown?.StabilizationWindowSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DownscaleStabilization;
        var history = _recommendations.TryGetValue(key, out var list) ? list : _recommendations[key] = [];
        history.RemoveAll(r => r.At <= now - window);
        var stabilized = history.Select(r => r.Replicas).Append(recommended).Max();
        history.Add((now, recommended));
        if (stabilized != recommended)
            Set(conditions, "AbleToScale", "True", "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation", now);
        else
            Set(conditions, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", now);

        var scaleUpLimit = Math.Max(2 * current, 4);
        var (maximum, limitReason, limitMessage) = max > scaleUpLimit
            ? (scaleUpLimit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
            : (max, "TooManyReplicas", "the desired replica count is more than the maximum replica count");
        int desired;
        if (stabilized < min) (desired, limitReason, limitMessage) = (min, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
        else if (stabilized > maximum) desired = maximum;
        else (desired, limitReason, limitMessage) = (stabilized, "DesiredWithinRange", "the desired count is within the acceptable range");
        Set(conditions, "ScalingLimited", desired == stabilized ? "False" : "True", limitReason, limitMessage, now);
        return desired;
    }

    private int NormalizeWithBehavior(string key, HorizontalPodAutoscalerBehavior behavior, int current, int recommended, int min, int max, List<Condition> conditions, DateTimeOffset now)
    {
        var history = _recommendations.TryGetValue(key, out var list) ? list : _recommendations[key] = [];
        var outcome = ScalingBehavior.Normalize(behavior, current, recommended, min, max, history, _scaleEvents.GetValueOrDefault(key) ?? [], now);
        Set(conditions, "AbleToScale", "True", outcome.AbleReason, outcome.AbleMessage, now);
        Set(conditions, "ScalingLimited", outcome.Limited ? "True" : "False", outcome.LimitReason, outcome.LimitMessage, now);
        return outcome.Replicas;
    }

    /// <summary>setCondition: the transition time moves only when the status flips; conditions keep upstream's order.</summary>
    private static void Set(List<Condition> conditions, string type, string status, string reason, string message, DateTimeOffset now)
    {
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(existing = new Condition { Type = type, LastTransitionTime = now });
            var order = new[] { "AbleToScale", "ScalingActive", "ScalingLimited" };
            conditions.Sort((a, b) => Array.IndexOf(order, a.Type).CompareTo(Array.IndexOf(order, b.Type)));
        }
        else if (existing.Status != status)
        {
            existing.LastTransitionTime = now;
        }
        (existing.Status, existing.Reason, existing.Message) = (status, reason, message);
    }

    private void Write(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerStatus status, List<Condition> conditions, WriteContext context)
    {
        status.Conditions = conditions.Count == 0 ? null : conditions;
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(hpa.Status)) return;
        var copy = KubeJson.Clone(hpa);
        copy.Status = status;
        _api.UpdateStatus(copy, context);
    }

    /// <summary>A millicore quantity in canonical form: "250m", or "1" for a whole core.</summary>
    internal static string Milli(long milli) => milli % 1000 == 0 ? (milli / 1000).ToString() : $"{milli}m";
}
