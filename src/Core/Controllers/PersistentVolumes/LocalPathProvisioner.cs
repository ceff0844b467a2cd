using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;
using static Playground.Core.Controllers.PersistentVolumes.VolumeAnnotations;

namespace Playground.Core.Controllers.PersistentVolumes;

/// <summary>
/// The external provisioner kind ships (rancher.io/local-path): makes a hostPath volume "pvc-&lt;claim uid&gt;" on the node
/// the scheduler selected for a claim the PV controller handed to it, and deletes the volume once it is Released
/// under the Delete reclaim policy.
/// </summary>
public sealed class LocalPathProvisioner : IComponent
{
    public const string ProvisionerName = "rancher.io/local-path";
    public const string Actor = "local-path-provisioner";

    private readonly ApiServer.ApiServer _api;
    private readonly EventRecorder _recorder;
    private readonly Informer<PersistentVolumeClaim> _claims;
    private readonly Informer<PersistentVolume> _volumes;
    private readonly Informer<StorageClass> _classes;
    private readonly ControllerQueue _claimQueue;
    private readonly ControllerQueue _volumeQueue;

    public LocalPathProvisioner(ClusterServices services)
    {
        _api = services.Api;
        _recorder = services.Recorder($"{ProvisionerName}_local-path-provisioner");
        _claims = services.Informers.For<PersistentVolumeClaim>();
        _volumes = services.Informers.For<PersistentVolume>();
        _classes = services.Informers.For<StorageClass>();
        _claimQueue = new ControllerQueue(services.Loop, Provision);
        _volumeQueue = new ControllerQueue(services.Loop, Reclaim);
    }

    public string Name => Actor;

    /// <summary>kind's default class, created with the cluster: local-path volumes, made once a pod using the claim is scheduled.</summary>
    public static StorageClass StandardClass() => new()
    {
        Metadata = new ObjectMeta { Name = "standard", Annotations = new() { [ApiServer.Admission.DefaultStorageClass.DefaultAnnotation] = "true" } },
        Provisioner = ProvisionerName,
        ReclaimPolicy = "Delete",
        VolumeBindingMode = "WaitForFirstConsumer",
    };

    public void Start()
    {
        _claims.OnChange((old, current, cause) => { if (current is not null) _claimQueue.Add(Informer<PersistentVolumeClaim>.KeyOf(current), cause); });
        _volumes.OnChange((old, current, cause) => { if (current is not null) _volumeQueue.Add(current.Metadata.Name!, cause); });
    }

    private void Provision(string key, long? cause)
    {
        if (_claims.Get(key) is not { } claim || claim.Metadata.DeletionTimestamp is not null) return;
        if (!string.IsNullOrEmpty(claim.Spec.VolumeName) || claim.Status?.Phase != "Pending") return;
        var annotations = claim.Metadata.Annotations ?? [];
        if (annotations.GetValueOrDefault(StorageProvisioner) != ProvisionerName) return;
        if (_classes.Get(claim.Spec.StorageClassName ?? "") is not { Provisioner: ProvisionerName } storageClass) return;
        var name = $"pvc-{claim.Metadata.Uid}";
        if (_volumes.Get(name) is not null) return;
        var context = new WriteContext(Actor, cause);
        var ns = claim.Metadata.Namespace;
        _recorder.Normal(claim, "Provisioning", $"External provisioner is provisioning volume for claim \"{ns}/{claim.Metadata.Name}\"", context);
        // local-path needs a node: the one the scheduler picked (WaitForFirstConsumer), as the real provisioner refuses without it.
        if (annotations.GetValueOrDefault(SelectedNode) is not { Length: > 0 } node)
        {
            _recorder.Warning(claim, "ProvisioningFailed", "failed to provision volume with StorageClass \"" + storageClass.Metadata.Name + "\": configuration error, no node was specified", context);
            return;
        }
        _api.Create(new PersistentVolume
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Annotations = new() { ["local.path.provisioner/selected-node"] = node, [ProvisionedBy] = ProvisionerName },
            },
            Spec = new PersistentVolumeSpec
            {
                AccessModes = claim.Spec.AccessModes,
                Capacity = new() { ["storage"] = claim.Spec.Resources?.Requests?.GetValueOrDefault("storage") ?? "0" },
                ClaimRef = new ObjectReference
                {
                    ApiVersion = "v1", Kind = "PersistentVolumeClaim", Namespace = ns, Name = claim.Metadata.Name,
                    Uid = claim.Metadata.Uid, ResourceVersion = claim.Metadata.ResourceVersion,
                },
                HostPath = new JsonObject { ["path"] = $"/var/local-path-provisioner/{name}_{ns}_{claim.Metadata.Name}", ["type"] = "DirectoryOrCreate" },
                NodeAffinity = new JsonObject
                {
                    ["required"] = new JsonObject
                    {
                        ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                        {
                            ["matchExpressions"] = new JsonArray(new JsonObject
                            {
                                ["key"] = "kubernetes.io/hostname", ["operator"] = "In", ["values"] = new JsonArray(node),
                            }),
                        }),
                    },
                },
                PersistentVolumeReclaimPolicy = storageClass.ReclaimPolicy ?? "Delete",
                StorageClassName = storageClass.Metadata.Name,
                VolumeMode = claim.Spec.VolumeMode ?? "Filesystem",
            },
        }, context);
        _recorder.Normal(claim, "ProvisioningSucceeded", $"Successfully provisioned volume {name}", context);
    }

    private void Reclaim(string name, long? cause)
    {
        if (_volumes.Get(name) is not { Status.Phase: "Released" } volume || volume.Metadata.DeletionTimestamp is not null) return;
        if (volume.Spec.PersistentVolumeReclaimPolicy != "Delete") return;
        if (volume.Metadata.Annotations?.GetValueOrDefault(ProvisionedBy) != ProvisionerName) return;
        try
        {
            _api.Delete<PersistentVolume>(null, name, new WriteContext(Actor, cause));
        }
        catch (ApiException e) when (e.Code == 404) { }
    }
}
