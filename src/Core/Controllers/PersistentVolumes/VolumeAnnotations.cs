namespace Playground.Core.Controllers.PersistentVolumes;

/// <summary>The annotations the PV controller, the scheduler and provisioners coordinate through, as upstream names them.</summary>
public static class VolumeAnnotations
{
    public const string BindCompleted = "pv.kubernetes.io/bind-completed";
    public const string BoundByController = "pv.kubernetes.io/bound-by-controller";
    public const string StorageProvisioner = "volume.kubernetes.io/storage-provisioner";
    public const string BetaStorageProvisioner = "volume.beta.kubernetes.io/storage-provisioner";
    public const string SelectedNode = "volume.kubernetes.io/selected-node";
    public const string ProvisionedBy = "pv.kubernetes.io/provisioned-by";
}
