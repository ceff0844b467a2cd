using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

/// <summary>
/// The server-side table of one kind, as upstream's pkg/printers/internalversion builds it: its columns and each
/// object's cells (wide cells included; the printer drops them unless -o wide).
/// </summary>
public interface IKindTable
{
    IReadOnlyList<TableColumn> Columns { get; }
    IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now);
}

/// <summary>The tables by kind; kinds without one get NAME and AGE, as for any object with metadata.</summary>
public static class KindTables
{
    private static readonly Dictionary<string, IKindTable> ByKind = new()
    {
        ["Pod"] = new PodTable(),
        ["Deployment"] = new DeploymentTable(),
        ["ReplicaSet"] = new ReplicaSetTable(),
        ["StatefulSet"] = new StatefulSetTable(),
        ["DaemonSet"] = new DaemonSetTable(),
        ["ControllerRevision"] = new ControllerRevisionTable(),
        ["Service"] = new ServiceTable(),
        ["Endpoints"] = new EndpointsTable(),
        ["EndpointSlice"] = new EndpointSliceTable(),
        ["Ingress"] = new IngressTable(),
        ["IngressClass"] = new IngressClassTable(),
        ["Node"] = new NodeTable(),
        ["Event"] = new EventTable(),
        ["Namespace"] = new NamespaceTable(),
        ["ConfigMap"] = new ConfigMapTable(),
        ["Secret"] = new SecretTable(),
        ["ServiceAccount"] = new ServiceAccountTable(),
        ["ResourceQuota"] = new ResourceQuotaTable(),
        ["LimitRange"] = new LimitRangeTable(),
        ["PersistentVolumeClaim"] = new PersistentVolumeClaimTable(),
        ["PersistentVolume"] = new PersistentVolumeTable(),
        ["StorageClass"] = new StorageClassTable(),
        ["Job"] = new JobTable(),
        ["CronJob"] = new CronJobTable(),
        ["HorizontalPodAutoscaler"] = new HorizontalPodAutoscalerTable(),
        ["PodDisruptionBudget"] = new PodDisruptionBudgetTable(),
        ["Lease"] = new LeaseTable(),
    };

    private static readonly IKindTable Default = new MetadataTable();

    public static IKindTable For(string kind) => ByKind.GetValueOrDefault(kind, Default);

    public static Table Build(string kind, IEnumerable<KubeObject> objects, DateTimeOffset now)
    {
        var table = For(kind);
        return new Table(table.Columns, objects.Select(o => new TableRow(o, table.Cells(o, now))).ToList());
    }

    private sealed class MetadataTable : IKindTable
    {
        public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Age")];

        public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now) =>
            [obj.Metadata.Name ?? "", HumanDuration.Since(obj.Metadata.CreationTimestamp, now)];
    }
}
