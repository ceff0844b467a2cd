using System.Globalization;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;

namespace Playground.Core.Controllers.Deployments;

/// <summary>
/// The annotations that make rollout history and rollback work: each ReplicaSet's revision (bumped when an old
/// template comes back, the earlier numbers kept in revision-history), the deployment's revision, and the
/// desired/max replica counts that tell a scaling event from a rollout.
/// </summary>
internal static class Revisions
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string HistoryAnnotation = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    /// <summary>Upstream keeps revision-history under this many characters.</summary>
    private const int MaxHistoryLength = 2000;

    /// <summary>Deployment annotations not copied to its ReplicaSets.</summary>
    private static readonly HashSet<string> NotCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        RevisionAnnotation,
        HistoryAnnotation,
        DesiredReplicasAnnotation,
        MaxReplicasAnnotation,
        "deprecated.deployment.rollback.to",
    ];

    /// <summary>The revision number of a ReplicaSet or deployment; 0 when absent or unreadable.</summary>
    public static long Of(KubeObject obj) =>
        obj.Metadata.Annotations?.GetValueOrDefault(RevisionAnnotation) is { } text && long.TryParse(text, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    public static long Max(IEnumerable<ReplicaSet> replicaSets) => replicaSets.Select(Of).DefaultIfEmpty(0).Max();

    public static int? DesiredReplicas(ReplicaSet rs) => IntAnnotation(rs, DesiredReplicasAnnotation);

    public static int? MaxReplicas(ReplicaSet rs) => IntAnnotation(rs, MaxReplicasAnnotation);

    /// <summary>
    /// Copies the deployment's annotations to its new ReplicaSet and raises the ReplicaSet's revision to
    /// <paramref name="newRevision"/> if it is lower (a rollback to an old template), remembering the old number.
    /// A ReplicaSet about to be created also gets the replica annotations. True when anything changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, long newRevision, bool exists)
    {
        var annotations = rs.Metadata.Annotations ??= [];
        var changed = false;
        foreach (var (key, value) in d.Metadata.Annotations ?? [])
        {
            if (NotCopied.Contains(key) || annotations.GetValueOrDefault(key) == value) continue;
            annotations[key] = value;
            changed = true;
        }
        var hadRevision = annotations.TryGetValue(RevisionAnnotation, out var oldText);
        long oldRevision = 0;
        if (hadRevision && !long.TryParse(oldText, CultureInfo.InvariantCulture, out oldRevision)) return changed;
        if (oldRevision < newRevision)
        {
            annotations[RevisionAnnotation] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (hadRevision) RememberRevision(annotations, oldText!);
        }
        if (!exists && SetReplicasAnnotations(rs, RolloutMath.Replicas(d), RolloutMath.Replicas(d) + RolloutMath.MaxSurge(d)))
            changed = true;
        return changed;
    }

    public static bool SetDeploymentRevision(Deployment d, string revision)
    {
        var annotations = d.Metadata.Annotations ??= [];
        if (annotations.GetValueOrDefault(RevisionAnnotation) == revision) return false;
        annotations[RevisionAnnotation] = revision;
        return true;
    }

    public static bool SetReplicasAnnotations(ReplicaSet rs, int desired, int max)
    {
        var annotations = rs.Metadata.Annotations ??= [];
        var changed = false;
        foreach (var (key, value) in new[] { (DesiredReplicasAnnotation, desired), (MaxReplicasAnnotation, max) })
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            if (annotations.GetValueOrDefault(key) == text) continue;
            annotations[key] = text;
            changed = true;
        }
        return changed;
    }

    public static bool ReplicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) =>
        rs.Metadata.Annotations?.GetValueOrDefault(DesiredReplicasAnnotation) != desired.ToString(CultureInfo.InvariantCulture)
        || rs.Metadata.Annotations?.GetValueOrDefault(MaxReplicasAnnotation) != max.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends the replaced revision to revision-history, dropping the oldest entries past the length limit.</summary>
    private static void RememberRevision(Dictionary<string, string> annotations, string oldRevision)
    {
        var history = annotations.GetValueOrDefault(HistoryAnnotation) ?? "";
        if (history.Length == 0)
        {
            annotations[HistoryAnnotation] = oldRevision;
            return;
        }
        var entries = history.Split(',').ToList();
        var total = history.Length + oldRevision.Length + 1;
        while (total > MaxHistoryLength && entries.Count > 0)
        {
            total -= entries[0].Length + 1;
            entries.RemoveAt(0);
        }
        if (total <= MaxHistoryLength) annotations[HistoryAnnotation] = string.Join(",", entries.Append(oldRevision));
    }

    private static int? IntAnnotation(ReplicaSet rs, string key) =>
        rs.Metadata.Annotations?.GetValueOrDefault(key) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
}
