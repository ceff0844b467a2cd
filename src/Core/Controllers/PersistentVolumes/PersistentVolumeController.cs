using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using static Playground.Core.Controllers.PersistentVolumes.VolumeAnnotations;

namespace Playground.Core.Controllers.PersistentVolumes;

/// <summary>
/// Upstream's persistentvolume binder: binds each pending claim to the smallest available volume that fits (class,
/// access modes, size, selector), asks the class's provisioner for one when none fits (after a pod is scheduled, for
/// WaitForFirstConsumer classes), and marks a volume Released when its claim goes.
/// </summary>
public sealed class PersistentVolumeController : IComponent
{
    public const string Actor = "persistentvolume-binder-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly EventRecorder _recorder;
    private readonly Informer<PersistentVolumeClaim> _claims;
    private readonly Informer<PersistentVolume> _volumes;
    private readonly Informer<StorageClass> _classes;
    private readonly ControllerQueue _claimQueue;
    private readonly ControllerQueue _volumeQueue;

    public PersistentVolumeController(ClusterServices services)
    {
        _api = services.Api;
        _recorder = services.Recorder("persistentvolume-controller");
        _claims = services.Informers.For<PersistentVolumeClaim>();
        _volumes = services.Informers.For<PersistentVolume>();
        _classes = services.Informers.For<StorageClass>();
        _claimQueue = new ControllerQueue(services.Loop, SyncClaim);
        _volumeQueue = new ControllerQueue(services.Loop, SyncVolume);
    }

    public string Name => Actor;

    public void Start()
    {
        _claims.OnChange((old, current, cause) =>
        {
            var claim = (current ?? old)!;
            _claimQueue.Add(Informer<PersistentVolumeClaim>.KeyOf(claim), cause);
            if (claim.Spec.VolumeName is { Length: > 0 } volume) _volumeQueue.Add(volume, cause);
        });
        _volumes.OnChange((old, current, cause) =>
        {
            var volume = (current ?? old)!;
            _volumeQueue.Add(volume.Metadata.Name!, cause);
            // A new or freed volume may be what a pending claim waits for.
            if (current?.Status?.Phase is "Available" or "Pending" or null)
                foreach (var claim in _claims.List().Where(c => c.Status?.Phase == "Pending"))
                    _claimQueue.Add(Informer<PersistentVolumeClaim>.KeyOf(claim), cause);
        });
    }

    private void SyncClaim(string key, long? cause)
    {
        if (_claims.Get(key) is not { } cached || cached.Metadata.DeletionTimestamp is not null) return;
        var claim = KubeJson.Clone(cached);
        var context = new WriteContext(Actor, cause);
        if (claim.Status?.Phase == "Bound")
        {
            if (claim.Spec.VolumeName is { } name && _volumes.Get(name) is null)
            {
                claim.Status.Phase = "Lost";
                _api.UpdateStatus(claim, context);
                _recorder.Warning(claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", context);
            }
            return;
        }
        if (claim.Status?.Phase == "Lost") return;

        var volume = claim.Spec.VolumeName is { Length: > 0 } named ? _volumes.Get(named) : FindBest(claim);
        if (volume is not null && (volume.Spec.ClaimRef is null || RefersTo(volume.Spec.ClaimRef, claim)))
        {
            Bind(KubeJson.Clone(volume), claim, context);
            return;
        }
        if (claim.Spec.VolumeName is { Length: > 0 }) return;

        var className = claim.Spec.StorageClassName ?? "";
        if (className.Length == 0)
        {
            _recorder.Normal(claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set", context);
            return;
        }
        if (_classes.Get(className) is not { } storageClass)
        {
            _recorder.Warning(claim, "ProvisioningFailed", $"storageclass.storage.k8s.io \"{className}\" not found", context);
            return;
        }
        if (storageClass.VolumeBindingMode == "WaitForFirstConsumer" && claim.Metadata.Annotations?.ContainsKey(SelectedNode) != true)
        {
            _recorder.Normal(claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding", context);
            return;
        }
        if (storageClass.Provisioner == "kubernetes.io/no-provisioner")
        {
            _recorder.Normal(claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set", context);
            return;
        }
        var annotations = claim.Metadata.Annotations ??= [];
        if (annotations.GetValueOrDefault(StorageProvisioner) != storageClass.Provisioner)
        {
            annotations[StorageProvisioner] = storageClass.Provisioner;
            annotations[BetaStorageProvisioner] = storageClass.Provisioner;
            claim = _api.Update(claim, context);
        }
        _recorder.Normal(claim, "ExternalProvisioning",
            $"Waiting for a volume to be created either by the external provisioner '{storageClass.Provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.", context);
    }

    /// <summary>The smallest available volume that satisfies the claim, as upstream's findMatchingVolume chooses.</summary>
    private PersistentVolume? FindBest(PersistentVolumeClaim claim)
    {
        var request = Quantity.Parse(claim.Spec.Resources?.Requests?.GetValueOrDefault("storage") ?? "0");
        var modes = claim.Spec.AccessModes ?? [];
        return _volumes.List()
            .Where(v => v.Metadata.DeletionTimestamp is null && v.Status?.Phase is "Available" or "Pending")
            .Where(v => v.Spec.ClaimRef is null || RefersTo(v.Spec.ClaimRef, claim))
            .Where(v => (v.Spec.StorageClassName ?? "") == (claim.Spec.StorageClassName ?? ""))
            .Where(v => (v.Spec.VolumeMode ?? "Filesystem") == (claim.Spec.VolumeMode ?? "Filesystem"))
            .Where(v => modes.All(m => v.Spec.AccessModes?.Contains(m) == true))
            .Where(v => claim.Spec.Selector is null || LabelSelectors.Matches(claim.Spec.Selector, v.Metadata.Labels))
            .Select(v => (Volume: v, Size: Quantity.Parse(v.Spec.Capacity?.GetValueOrDefault("storage") ?? "0")))
            .Where(x => x.Size >= request)
            .OrderByDescending(x => x.Volume.Spec.ClaimRef is not null).ThenBy(x => x.Size).ThenBy(x => x.Volume.Metadata.Name, StringComparer.Ordinal)
            .Select(x => x.Volume).FirstOrDefault();
    }

    /// <summary>Upstream's bind: the volume's claimRef and phase first, then the claim's volumeName and status.</summary>
    private void Bind(PersistentVolume volume, PersistentVolumeClaim claim, WriteContext context)
    {
        if (volume.Spec.ClaimRef is null || volume.Spec.ClaimRef.Uid != claim.Metadata.Uid)
        {
            volume.Spec.ClaimRef = new ObjectReference
            {
                Kind = "PersistentVolumeClaim", ApiVersion = "v1", Namespace = claim.Metadata.Namespace,
                Name = claim.Metadata.Name, Uid = claim.Metadata.Uid, ResourceVersion = claim.Metadata.ResourceVersion,
            };
            (volume.Metadata.Annotations ??= [])[BoundByController] = "yes";
            volume = _api.Update(volume, context);
        }
        if (volume.Status?.Phase != "Bound")
        {
            volume.Status = new PersistentVolumeStatus { Phase = "Bound", LastPhaseTransitionTime = _api.Now };
            volume = _api.UpdateStatus(volume, context);
        }
        var annotations = claim.Metadata.Annotations ??= [];
        if (claim.Spec.VolumeName != volume.Metadata.Name || !annotations.ContainsKey(BindCompleted))
        {
            if (claim.Spec.VolumeName != volume.Metadata.Name) annotations[BoundByController] = "yes";
            claim.Spec.VolumeName = volume.Metadata.Name;
            annotations[BindCompleted] = "yes";
            claim = _api.Update(claim, context);
        }
        claim.Status = new PersistentVolumeClaimStatus
        {
            Phase = "Bound",
            AccessModes = volume.Spec.AccessModes,
            Capacity = volume.Spec.Capacity,
        };
        _api.UpdateStatus(claim, context);
    }

    private void SyncVolume(string name, long? cause)
    {
        if (_volumes.Get(name) is not { } cached || cached.Metadata.DeletionTimestamp is not null) return;
        var volume = KubeJson.Clone(cached);
        var context = new WriteContext(Actor, cause);
        string phase;
        if (volume.Spec.ClaimRef is not { } claimRef) phase = "Available";
        else if (_claims.Get(claimRef.Namespace, claimRef.Name ?? "") is { } claim && (claimRef.Uid is null || claim.Metadata.Uid == claimRef.Uid))
            phase = claim.Spec.VolumeName == name ? "Bound" : volume.Status?.Phase ?? "Pending";
        else if (volume.Status?.Phase is "Bound" or "Released" || claimRef.Uid is not null) phase = "Released";
        else phase = "Available";
        if (phase == "Pending") phase = "Available";
        if (volume.Status?.Phase == phase) return;
        volume.Status = new PersistentVolumeStatus { Phase = phase, LastPhaseTransitionTime = _api.Now };
        volume = _api.UpdateStatus(volume, context);
        if (phase == "Released" && volume.Spec.PersistentVolumeReclaimPolicy == "Delete"
            && volume.Metadata.Annotations?.ContainsKey(ProvisionedBy) != true)
            _recorder.Warning(volume, "VolumeFailedDelete", $"error getting deleter volume plugin for volume \"{name}\": no deletable volume plugin matched", context);
    }

    private static bool RefersTo(ObjectReference reference, PersistentVolumeClaim claim) =>
        reference.Namespace == claim.Metadata.Namespace && reference.Name == claim.Metadata.Name
        && (reference.Uid is null || reference.Uid == claim.Metadata.Uid);
}
