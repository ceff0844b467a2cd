using Playground.Core.Api.Core;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Controllers.PersistentVolumes;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Scheduling;

/// <summary>
/// Upstream's VolumeBinding plugin, as far as the simulation needs it: a pod waits while a claim it uses is missing or
/// (Immediate class) unbound; for WaitForFirstConsumer claims, PreBind writes the selected node on the claim so the
/// provisioner can make the volume there, and the pod is bound to that node once all its claims are bound.
/// </summary>
internal sealed class VolumeBinding
{
    private readonly ApiServer.ApiServer _api;
    private readonly Informer<PersistentVolumeClaim> _claims;
    private readonly Informer<StorageClass> _classes;
    private readonly Dictionary<string, Action> _waiting = [];

    public VolumeBinding(ClusterServices services, Action<long?> claimsChanged)
    {
        _api = services.Api;
        _claims = services.Informers.For<PersistentVolumeClaim>();
        _classes = services.Informers.For<StorageClass>();
        _claims.OnChange((old, current, cause) =>
        {
            claimsChanged(cause);
            // Run waiting bindings later in the loop, not inside the informer's dispatch.
            if (_waiting.Count > 0) services.Loop.Post(ResumeWaiting);
        });
    }

    /// <summary>The PreFilter verdict: why no node can take the pod because of its claims, or null.</summary>
    public string? PreFilter(Pod pod)
    {
        foreach (var claimName in ClaimNames(pod))
        {
            var claim = _claims.Get(pod.Metadata.Namespace, claimName);
            if (claim is null) return $"persistentvolumeclaim \"{claimName}\" not found";
            if (claim.Metadata.DeletionTimestamp is not null) return $"persistentvolumeclaim \"{claimName}\" is being deleted";
            if (claim.Status?.Phase != "Bound" && !DelaysBinding(claim)) return "pod has unbound immediate PersistentVolumeClaims";
        }
        return null;
    }

    /// <summary>
    /// PreBind: writes the selected node on every unbound WaitForFirstConsumer claim; returns true when all claims are
    /// bound, else remembers <paramref name="bind"/> and runs it once they are.
    /// </summary>
    public bool PreBind(Pod pod, string node, WriteContext context, Action bind)
    {
        var unbound = ClaimNames(pod).Select(n => _claims.Get(pod.Metadata.Namespace, n)).OfType<PersistentVolumeClaim>()
            .Where(c => c.Status?.Phase != "Bound").ToList();
        if (unbound.Count == 0) return true;
        foreach (var cached in unbound.Where(c => c.Metadata.Annotations?.ContainsKey(VolumeAnnotations.SelectedNode) != true))
        {
            var claim = KubeJson.Clone(cached);
            (claim.Metadata.Annotations ??= [])[VolumeAnnotations.SelectedNode] = node;
            _api.Update(claim, context);
        }
        _waiting[Informer<Pod>.KeyOf(pod)] = () =>
        {
            if (ClaimNames(pod).All(n => _claims.Get(pod.Metadata.Namespace, n)?.Status?.Phase == "Bound")) bind();
        };
        return false;
    }

    private void ResumeWaiting()
    {
        foreach (var (key, resume) in _waiting.ToList())
        {
            var (ns, name) = Informer<Pod>.SplitKey(key);
            var pod = _api.TryGet<Pod>(ns, name);
            if (pod is null || !string.IsNullOrEmpty(pod.Spec.NodeName)) { _waiting.Remove(key); continue; }
            if (ClaimNames(pod).All(n => _claims.Get(ns, n)?.Status?.Phase == "Bound"))
            {
                _waiting.Remove(key);
                resume();
            }
        }
    }

    private bool DelaysBinding(PersistentVolumeClaim claim) =>
        _classes.Get(claim.Spec.StorageClassName ?? "") is { VolumeBindingMode: "WaitForFirstConsumer" };

    private static IEnumerable<string> ClaimNames(Pod pod) =>
        (pod.Spec.Volumes ?? []).Select(v => v.PersistentVolumeClaim?["claimName"]?.GetValue<string>()).OfType<string>();
}
