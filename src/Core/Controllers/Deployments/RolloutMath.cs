using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Upstream's deployment arithmetic: surge and unavailability budgets, the new ReplicaSet's next size, proportions, counts.</summary>
internal static class RolloutMath
{
    public static int Replicas(Deployment d) => d.Spec.Replicas ?? 1;

    public static int Replicas(ReplicaSet rs) => rs.Spec.Replicas ?? 1;

    public static bool IsRollingUpdate(Deployment d) => d.Spec.Strategy?.Type is null or "RollingUpdate";

    /// <summary>maxSurge rounds up, maxUnavailable rounds down; if both come to zero, one pod may be unavailable.</summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = (maxSurge ?? 0).Scaled(desired, roundUp: true);
        var unavailable = (maxUnavailable ?? 0).Scaled(desired, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    public static int MaxSurge(Deployment d)
    {
        if (!IsRollingUpdate(d)) return 0;
        var rolling = d.Spec.Strategy?.RollingUpdate;
        return ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, Replicas(d)).Surge;
    }

    public static int MaxUnavailable(Deployment d)
    {
        if (!IsRollingUpdate(d) || Replicas(d) == 0) return 0;
        var rolling = d.Spec.Strategy?.RollingUpdate;
        return Math.Min(ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, Replicas(d)).Unavailable, Replicas(d));
    }

    /// <summary>How big the new ReplicaSet may be now: up to the surge limit for a rolling update, everything for Recreate.</summary>
    public static int NewReplicaSetReplicas(Deployment d, IEnumerable<ReplicaSet?> all, ReplicaSet newRs)
    {
        if (!IsRollingUpdate(d)) return Replicas(d);
        var maxSurge = (d.Spec.Strategy?.RollingUpdate?.MaxSurge ?? 0).Scaled(Replicas(d), roundUp: true);
        var current = SpecReplicas(all);
        var maxTotal = Replicas(d) + maxSurge;
        if (current >= maxTotal) return Replicas(newRs);
        var scaleUp = Math.Min(maxTotal - current, Replicas(d) - Replicas(newRs));
        return Replicas(newRs) + scaleUp;
    }

    /// <summary>The new ReplicaSet has all the deployment's replicas, annotated as such, and all are available.</summary>
    public static bool IsSaturated(Deployment d, ReplicaSet? rs) =>
        rs is not null
        && Revisions.DesiredReplicas(rs) == Replicas(d)
        && Replicas(rs) == Replicas(d)
        && (rs.Status?.AvailableReplicas ?? 0) == Replicas(d);

    /// <summary>Upstream's GetProportion: this ReplicaSet's share of the replicas being added (or removed), within what is left.</summary>
    public static int Proportion(ReplicaSet rs, Deployment d, int toAdd, int added)
    {
        if (Replicas(rs) == 0 || toAdd == 0 || toAdd == added) return 0;
        var fraction = Fraction(rs, d);
        var allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    private static int Fraction(ReplicaSet rs, Deployment d)
    {
        if (Replicas(d) == 0) return -Replicas(rs);
        var maxReplicas = Replicas(d) + MaxSurge(d);
        var before = Revisions.MaxReplicas(rs) is int annotated and > 0 ? annotated : d.Status?.Replicas ?? 0;
        if (before == 0) return 0;
        var scaled = (double)Replicas(rs) * maxReplicas / before;
        return (int)Math.Round(scaled, MidpointRounding.AwayFromZero) - Replicas(rs);
    }

    public static IEnumerable<ReplicaSet> Active(IEnumerable<ReplicaSet?> replicaSets) =>
        replicaSets.OfType<ReplicaSet>().Where(rs => Replicas(rs) > 0);

    /// <summary>Replicas wanted (spec) across ReplicaSets.</summary>
    public static int SpecReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.OfType<ReplicaSet>().Sum(Replicas);

    /// <summary>Replicas that exist (status) across ReplicaSets.</summary>
    public static int ActualReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.OfType<ReplicaSet>().Sum(rs => rs.Status?.Replicas ?? 0);

    public static int ReadyReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.OfType<ReplicaSet>().Sum(rs => rs.Status?.ReadyReplicas ?? 0);

    public static int AvailableReplicas(IEnumerable<ReplicaSet?> replicaSets) => replicaSets.OfType<ReplicaSet>().Sum(rs => rs.Status?.AvailableReplicas ?? 0);
}
