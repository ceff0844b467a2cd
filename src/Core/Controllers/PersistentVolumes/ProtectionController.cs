using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using static Playground.Core.ApiServer.Admission.StorageObjectInUseProtection;

namespace Playground.Core.Controllers.PersistentVolumes;

/// <summary>
/// Upstream's pvc-protection and pv-protection controllers: a deleted claim stays Terminating while a pod that is not
/// finished uses it, and a deleted volume while it is Bound; then their protection finalizer is removed.
/// </summary>
public sealed class ProtectionController : IComponent
{
    public const string ClaimActor = "pvc-protection-controller";
    public const string VolumeActor = "pv-protection-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly Informer<PersistentVolumeClaim> _claims;
    private readonly Informer<PersistentVolume> _volumes;
    private readonly Informer<Pod> _pods;
    private readonly ControllerQueue _claimQueue;
    private readonly ControllerQueue _volumeQueue;

    public ProtectionController(ClusterServices services)
    {
        _api = services.Api;
        _claims = services.Informers.For<PersistentVolumeClaim>();
        _volumes = services.Informers.For<PersistentVolume>();
        _pods = services.Informers.For<Pod>();
        _claimQueue = new ControllerQueue(services.Loop, SyncClaim);
        _volumeQueue = new ControllerQueue(services.Loop, SyncVolume);
    }

    public string Name => ClaimActor;

    public void Start()
    {
        _claims.OnChange((old, current, cause) => { if (current?.Metadata.DeletionTimestamp is not null) _claimQueue.Add(Informer<PersistentVolumeClaim>.KeyOf(current), cause); });
        _volumes.OnChange((old, current, cause) => { if (current?.Metadata.DeletionTimestamp is not null) _volumeQueue.Add(current.Metadata.Name!, cause); });
        // A pod going away, or finishing, may free the claims it used.
        _pods.OnChange((old, current, cause) =>
        {
            var pod = (old ?? current)!;
            foreach (var claim in ClaimNames(pod))
                if (_claims.Get(pod.Metadata.Namespace, claim) is { Metadata.DeletionTimestamp: not null } deleting)
                    _claimQueue.Add(Informer<PersistentVolumeClaim>.KeyOf(deleting), cause);
        });
    }

    private void SyncClaim(string key, long? cause)
    {
        if (_claims.Get(key) is not { Metadata.DeletionTimestamp: not null } claim || claim.Metadata.Finalizers?.Contains(ClaimFinalizer) != true) return;
        var inUse = _pods.List(claim.Metadata.Namespace).Any(p =>
            p.Status?.Phase is not ("Succeeded" or "Failed") && ClaimNames(p).Contains(claim.Metadata.Name!));
        if (!inUse) RemoveFinalizer(claim, ClaimFinalizer, new WriteContext(ClaimActor, cause));
    }

    private void SyncVolume(string name, long? cause)
    {
        if (_volumes.Get(name) is not { Metadata.DeletionTimestamp: not null } volume || volume.Metadata.Finalizers?.Contains(VolumeFinalizer) != true) return;
        if (volume.Status?.Phase != "Bound") RemoveFinalizer(volume, VolumeFinalizer, new WriteContext(VolumeActor, cause));
    }

    private void RemoveFinalizer(KubeObject cached, string finalizer, WriteContext context)
    {
        var obj = KubeJson.Clone(cached);
        obj.Metadata.Finalizers!.Remove(finalizer);
        try
        {
            _api.Update(obj, context);
        }
        catch (ApiException e) when (e.Code == 404) { }
    }

    private static IEnumerable<string> ClaimNames(Pod pod) =>
        (pod.Spec.Volumes ?? []).Select(v => v.PersistentVolumeClaim?["claimName"]?.GetValue<string>()).OfType<string>();
}
