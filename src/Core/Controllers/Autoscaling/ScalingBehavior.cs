using Playground.Core.Api.Autoscaling;

namespace Playground.Core.Controllers.Autoscaling;

/// <summary>
/// Upstream's normalizeDesiredReplicasWithBehaviors, used when spec.behavior is set: stabilization windows in both
/// directions (the lowest recent recommendation when scaling up, the highest when scaling down), then the scale-up
/// and scale-down policies over their periods, counting the changes the controller made within each period.
/// </summary>
internal static class ScalingBehavior
{
    public sealed record Outcome(int Replicas, string AbleReason, string AbleMessage, string LimitReason, string LimitMessage, bool Limited);

    /// <summary>The defaults upstream fills into a behavior: up 0 s window, 4 pods or 100% per 15 s; down 300 s window, 100% per 15 s.</summary>
    public static HpaScalingRules Rules(HpaScalingRules? given, bool up)
    {
        var rules = new HpaScalingRules
        {
            StabilizationWindowSeconds = given?.StabilizationWindowSeconds ?? (up ? 0 : 300),
            SelectPolicy = given?.SelectPolicy ?? "Max",
            Policies = given?.Policies ?? (up
                ? [new HpaScalingPolicy { Type = "Pods", Value = 4, PeriodSeconds = 15 }, new HpaScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 }]
                : [new HpaScalingPolicy { Type = "Percent", Value = 100, PeriodSeconds = 15 }]),
        };
        return rules;
    }

    public static Outcome Normalize(HorizontalPodAutoscalerBehavior behavior, int current, int recommended, int min, int max,
        List<(DateTimeOffset At, int Replicas)> recommendations, List<(DateTimeOffset At, int Change)> scaleEvents, DateTimeOffset now)
    {
        var up = Rules(behavior.ScaleUp, up: true);
        var down = Rules(behavior.ScaleDown, up: false);
        var upWindow = TimeSpan.FromSeconds(up.StabilizationWindowSeconds!.Value);
        var downWindow = TimeSpan.FromSeconds(down.StabilizationWindowSeconds!.Value);
        var upRecommendation = recommended;
        var downRecommendation = recommended;
        foreach (var (at, replicas) in recommendations)
        {
            if (at > now - upWindow) upRecommendation = Math.Min(upRecommendation, replicas);
            if (at > now - downWindow) downRecommendation = Math.Max(downRecommendation, replicas);
        }
        var keep = upWindow > downWindow ? upWindow : downWindow;
        recommendations.RemoveAll(r => r.At <= now - keep);
        recommendations.Add((now, recommended));
        var stabilized = Math.Min(Math.Max(current, upRecommendation), downRecommendation);
        var (ableReason, ableMessage) = stabilized == recommended
            ? ("ReadyForNewScale", "recommended size matches current size")
            : stabilized > recommended
                ? ("ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation")
                : ("ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation");

        int desired;
        string limitReason, limitMessage;
        if (stabilized > current)
        {
            var limit = Math.Max(current, Limit(up, current, scaleEvents, now, scaleUp: true));
            var (maximum, reason, message) = max > limit
                ? (limit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
                : (max, "TooManyReplicas", "the desired replica count is more than the maximum replica count");
            (desired, limitReason, limitMessage) = stabilized > maximum ? (maximum, reason, message) : (stabilized, "DesiredWithinRange", "the desired count is within the acceptable range");
        }
        else if (stabilized < current)
        {
            var limit = Math.Min(current, Limit(down, current, scaleEvents, now, scaleUp: false));
            var (minimum, reason, message) = min < limit
                ? (limit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate")
                : (min, "TooFewReplicas", "the desired replica count is less than the minimum replica count");
            (desired, limitReason, limitMessage) = stabilized < minimum ? (minimum, reason, message) : (stabilized, "DesiredWithinRange", "the desired count is within the acceptable range");
        }
        else
        {
            (desired, limitReason, limitMessage) = (stabilized, "DesiredWithinRange", "the desired count is within the acceptable range");
        }
        return new Outcome(desired, ableReason, ableMessage, limitReason, limitMessage, desired != stabilized);
    }

    /// <summary>What the policies allow from the replica count at the start of each period; selectPolicy picks the most (Max) or least (Min) change.</summary>
    private static int Limit(HpaScalingRules rules, int current, List<(DateTimeOffset At, int Change)> events, DateTimeOffset now, bool scaleUp)
    {
        if (rules.SelectPolicy == "Disabled") return current;
        var limits = new List<int>();
        foreach (var policy in rules.Policies ?? [])
        {
            var since = now - TimeSpan.FromSeconds(policy.PeriodSeconds);
            var changed = events.Where(e => e.At > since && (scaleUp ? e.Change > 0 : e.Change < 0)).Sum(e => Math.Abs(e.Change));
            var start = scaleUp ? current - changed : current + changed;
            limits.Add(policy.Type == "Pods"
                ? (scaleUp ? start + policy.Value : start - policy.Value)
                : scaleUp ? (int)Math.Ceiling(start * (1 + policy.Value / 100.0)) : (int)(start * (1 - policy.Value / 100.0)));
        }
        if (limits.Count == 0) return current;
        var mostChange = scaleUp ? limits.Max() : limits.Min();
        var leastChange = scaleUp ? limits.Min() : limits.Max();
        return rules.SelectPolicy == "Min" ? leastChange : mostChange;
    }
}
