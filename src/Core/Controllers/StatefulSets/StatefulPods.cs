using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Controllers.History;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.StatefulSets;

/// <summary>A StatefulSet pod's stable identity (name, ordinal, hostname, labels) and storage (one claim per template), as upstream's stateful_set_utils builds them.</summary>
internal static partial class StatefulPods
{
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    [GeneratedRegex("^(.*)-([0-9]+)$")]
    private static partial Regex OrdinalName();

    /// <summary>The ordinal in a pod's name, or -1 when the name has none.</summary>
    public static int Ordinal(Pod pod) =>
        OrdinalName().Match(pod.Metadata.Name ?? "") is { Success: true } m && int.TryParse(m.Groups[2].Value, out var ordinal) ? ordinal : -1;

    public static string? ParentName(Pod pod) =>
        OrdinalName().Match(pod.Metadata.Name ?? "") is { Success: true } m ? m.Groups[1].Value : null;

    public static bool IsMemberOf(StatefulSet set, Pod pod) => ParentName(pod) == set.Metadata.Name;

    public static string PodName(StatefulSet set, int ordinal) => $"{set.Metadata.Name}-{ordinal}";

    public static string ClaimName(StatefulSet set, PersistentVolumeClaim template, int ordinal) =>
        $"{template.Metadata.Name}-{set.Metadata.Name}-{ordinal}";

    public static int StartOrdinal(StatefulSet set) => set.Spec.Ordinals?.Start ?? 0;

    public static int EndOrdinal(StatefulSet set) => StartOrdinal(set) + (set.Spec.Replicas ?? 1) - 1;

    public static bool InOrdinalRange(StatefulSet set, Pod pod) => Ordinal(pod) >= StartOrdinal(set) && Ordinal(pod) <= EndOrdinal(set);

    public static string? Revision(Pod pod) => pod.Metadata.Labels?.GetValueOrDefault(ControllerHistory.HashLabel);

    /// <summary>Upstream's newStatefulSetPod: the template under a stable name, with identity, storage and revision label.</summary>
    public static Pod New(StatefulSet set, int ordinal, string revision)
    {
        var template = set.Spec.Template;
        var meta = template.Metadata ?? new ObjectMeta();
        var pod = new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = PodName(set, ordinal),
                GenerateName = set.Metadata.Name + "-",
                Namespace = set.Metadata.Namespace,
                Labels = meta.Labels is null ? [] : new(meta.Labels),
                Annotations = meta.Annotations is null ? null : new(meta.Annotations),
                Finalizers = meta.Finalizers is null ? null : [.. meta.Finalizers],
                OwnerReferences = [ControllerRefs.For(set)],
            },
            Spec = KubeJson.Deserialize<PodSpec>(KubeJson.SerializeValue(template.Spec)),
        };
        UpdateIdentity(set, pod);
        pod.Spec.Hostname = pod.Metadata.Name;
        pod.Spec.Subdomain = string.IsNullOrEmpty(set.Spec.ServiceName) ? null : set.Spec.ServiceName;
        UpdateStorage(set, pod);
        pod.Metadata.Labels![ControllerHistory.HashLabel] = revision;
        return pod;
    }

    public static void UpdateIdentity(StatefulSet set, Pod pod)
    {
        var ordinal = Ordinal(pod);
        pod.Metadata.Name = PodName(set, ordinal);
        pod.Metadata.Namespace = set.Metadata.Namespace;
        pod.Metadata.Labels ??= [];
        pod.Metadata.Labels[PodNameLabel] = pod.Metadata.Name;
        pod.Metadata.Labels[PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture);
    }

    public static bool IdentityMatches(StatefulSet set, Pod pod) =>
        Ordinal(pod) >= 0 && IsMemberOf(set, pod) && pod.Metadata.Namespace == set.Metadata.Namespace
        && pod.Metadata.Labels?.GetValueOrDefault(PodNameLabel) == pod.Metadata.Name
        && pod.Metadata.Labels?.GetValueOrDefault(PodIndexLabel) == Ordinal(pod).ToString(CultureInfo.InvariantCulture);

    /// <summary>The claims a pod of this ordinal uses: each template named for the set and ordinal, labelled with the selector's labels.</summary>
    public static List<PersistentVolumeClaim> Claims(StatefulSet set, int ordinal) =>
    [
        .. (set.Spec.VolumeClaimTemplates ?? []).Select(template =>
        {
            var claim = KubeJson.Clone(template);
            claim.Metadata.Name = ClaimName(set, template, ordinal);
            claim.Metadata.Namespace = set.Metadata.Namespace;
            claim.Metadata.Labels ??= [];
            foreach (var (key, value) in set.Spec.Selector?.MatchLabels ?? []) claim.Metadata.Labels[key] = value;
            claim.Status = null;
            return claim;
        }),
    ];

    /// <summary>Upstream's updateStorage: a volume per claim template, replacing any template volume of the same name.</summary>
    public static void UpdateStorage(StatefulSet set, Pod pod)
    {
        var templates = set.Spec.VolumeClaimTemplates ?? [];
        if (templates.Count == 0) return;
        var ordinal = Ordinal(pod);
        var volumes = templates.Select(t => new Volume
        {
            Name = t.Metadata.Name!,
            PersistentVolumeClaim = new JsonObject { ["claimName"] = ClaimName(set, t, ordinal) },
        }).ToList();
        volumes.AddRange((pod.Spec.Volumes ?? []).Where(v => templates.All(t => t.Metadata.Name != v.Name)));
        pod.Spec.Volumes = volumes;
    }

    public static bool StorageMatches(StatefulSet set, Pod pod)
    {
        var ordinal = Ordinal(pod);
        return (set.Spec.VolumeClaimTemplates ?? []).All(t => pod.Spec.Volumes?.FirstOrDefault(v => v.Name == t.Metadata.Name) is { } volume
            && volume.PersistentVolumeClaim?["claimName"]?.GetValue<string>() == ClaimName(set, t, ordinal));
    }

    /// <summary>
    /// Upstream's updateClaimOwnerRefForSetAndPod: the retention policy as owner references, so the garbage collector
    /// deletes a claim with its set (whenDeleted: Delete) or with its scaled-down pod (whenScaled: Delete). True when it changed the claim.
    /// </summary>
    public static bool SetClaimOwners(StatefulSet set, Pod pod, PersistentVolumeClaim claim)
    {
        var policy = set.Spec.PersistentVolumeClaimRetentionPolicy;
        var scaledDown = !InOrdinalRange(set, pod);
        var setOwns = policy?.WhenDeleted == "Delete" && !(scaledDown && policy.WhenScaled == "Delete");
        var podOwns = policy?.WhenScaled == "Delete" && scaledDown;
        var changed = Own(claim, set, setOwns);
        return Own(claim, pod, podOwns) | changed;
    }

    /// <summary>Adds or removes a plain (non-controller) owner reference, as upstream's setOwnerRef and removeOwnerRef do.</summary>
    private static bool Own(PersistentVolumeClaim claim, KubeObject owner, bool owns)
    {
        var refs = claim.Metadata.OwnerReferences ?? [];
        var has = refs.Any(r => r.Uid == owner.Metadata.Uid);
        if (has == owns || owner.Metadata.Uid is null) return false;
        if (owns) refs.Add(new OwnerReference { ApiVersion = owner.ApiVersion, Kind = owner.Kind, Name = owner.Metadata.Name!, Uid = owner.Metadata.Uid });
        else refs.RemoveAll(r => r.Uid == owner.Metadata.Uid);
        claim.Metadata.OwnerReferences = refs.Count == 0 ? null : refs;
        return true;
    }

    public static bool IsCreated(Pod pod) => pod.Status?.Phase is { Length: > 0 };

    public static bool IsTerminating(Pod pod) => pod.Metadata.DeletionTimestamp is not null;

    public static bool IsRunningAndReady(Pod pod) => pod.Status?.Phase == "Running" && PodReadiness.IsReady(pod);

    public static bool IsRunningAndAvailable(Pod pod, int minReadySeconds, DateTimeOffset now) =>
        pod.Status?.Phase == "Running" && PodReadiness.IsAvailable(pod, minReadySeconds, now);

    public static bool IsUnavailable(Pod pod, int minReadySeconds, DateTimeOffset now) =>
        !IsCreated(pod) || IsTerminating(pod) || !IsRunningAndAvailable(pod, minReadySeconds, now);
}
