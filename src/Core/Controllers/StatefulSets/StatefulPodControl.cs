using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.StatefulSets;

/// <summary>Upstream's StatefulPodControl: the writes a StatefulSet makes to pods and claims, each with its event on the set.</summary>
public sealed partial class StatefulSetController
{
    /// <summary>Claims first, then the pod, as upstream creates them; a failed claim fails the pod's creation.</summary>
    private void CreatePod(StatefulSet set, Pod pod, WriteContext context)
    {
        try
        {
            CreateClaims(set, pod, context);
            _api.Create(pod, context);
            UpdateClaimOwners(set, pod, context);
            PodEvent("create", set, pod, null, context);
        }
        catch (ApiException e) when (e.Reason != "AlreadyExists")
        {
            PodEvent("create", set, pod, e, context);
            throw;
        }
    }

    /// <summary>Upstream's UpdateStatefulPod: restores a pod's identity and storage, and its claims' owners; the pod is written only if it changed.</summary>
    private void UpdatePod(StatefulSet set, Pod pod, WriteContext context)
    {
        var copy = KubeJson.Clone(pod);
        var consistent = StatefulPods.IdentityMatches(set, pod) && StatefulPods.StorageMatches(set, pod);
        StatefulPods.UpdateIdentity(set, copy);
        StatefulPods.UpdateStorage(set, copy);
        try
        {
            CreateClaims(set, copy, context);
            UpdateClaimOwners(set, copy, context);
            if (consistent) return;
            _api.Update(copy, context);
            PodEvent("update", set, copy, null, context);
        }
        catch (ApiException e)
        {
            PodEvent("update", set, copy, e, context);
            throw;
        }
    }

    private void DeletePod(StatefulSet set, Pod pod, WriteContext context)
    {
        try
        {
            _api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, context);
            PodEvent("delete", set, pod, null, context);
        }
        catch (ApiException e) when (e.Code != 404)
        {
            PodEvent("delete", set, pod, e, context);
            throw;
        }
    }

    /// <summary>Upstream's createPersistentVolumeClaims: each missing claim of the pod's ordinal is created; one being deleted is an error.</summary>
    private void CreateClaims(StatefulSet set, Pod pod, WriteContext context)
    {
        ApiException? failure = null;
        foreach (var claim in StatefulPods.Claims(set, StatefulPods.Ordinal(pod)))
        {
            if (_claims.Get(claim.Metadata.Namespace, claim.Metadata.Name!) is { } existing)
            {
                if (existing.Metadata.DeletionTimestamp is not null)
                    failure ??= ApiException.BadRequest($"pvc {claim.Metadata.Name} is being deleted");
                continue;
            }
            try
            {
                _api.Create(claim, context);
                ClaimEvent(set, pod, claim, null, context);
            }
            catch (ApiException e)
            {
                if (e.Reason != "AlreadyExists") ClaimEvent(set, pod, claim, e, context);
                failure ??= e;
            }
        }
        if (failure is not null) throw failure;
    }

    /// <summary>Whether every existing claim of the pod already has the owners the retention policy asks for.</summary>
    private bool ClaimsMatchPolicy(StatefulSet set, Pod pod) =>
        StatefulPods.Claims(set, StatefulPods.Ordinal(pod)).All(c =>
            _claims.Get(c.Metadata.Namespace, c.Metadata.Name!) is not { } claim || !StatefulPods.SetClaimOwners(set, pod, KubeJson.Clone(claim)));

    private void UpdateClaimOwners(StatefulSet set, Pod pod, WriteContext context)
    {
        foreach (var template in StatefulPods.Claims(set, StatefulPods.Ordinal(pod)))
        {
            if (_claims.Get(template.Metadata.Namespace, template.Metadata.Name!) is not { } claim) continue;
            var copy = KubeJson.Clone(claim);
            if (StatefulPods.SetClaimOwners(set, pod, copy)) _api.Update(copy, context);
        }
    }

    /// <summary>Upstream's recordPodEvent wording: "create Pod web-0 in StatefulSet web successful".</summary>
    private void PodEvent(string verb, StatefulSet set, Pod pod, ApiException? error, WriteContext context)
    {
        var title = char.ToUpperInvariant(verb[0]) + verb[1..];
        if (error is null) _events.Normal(set, $"Successful{title}", $"{verb} Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} successful", context);
        else _events.Warning(set, $"Failed{title}", $"{verb} Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} failed error: {error.Message}", context);
    }

    /// <summary>Upstream's recordClaimEvent wording: "create Claim www-web-0 Pod web-0 in StatefulSet web success".</summary>
    private void ClaimEvent(StatefulSet set, Pod pod, PersistentVolumeClaim claim, ApiException? error, WriteContext context)
    {
        if (error is null) _events.Normal(set, "SuccessfulCreate", $"create Claim {claim.Metadata.Name} Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} success", context);
        else _events.Warning(set, "FailedCreate", $"create Claim {claim.Metadata.Name} for Pod {pod.Metadata.Name} in StatefulSet {set.Metadata.Name} failed error: {error.Message}", context);
    }
}
