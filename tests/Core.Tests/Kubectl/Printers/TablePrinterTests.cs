using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Kubectl.Printers.Tables;
using static Playground.Core.Tests.Kubectl.Printers.Objects;

namespace Playground.Core.Tests.Kubectl.Printers;

public class TablePrinterTests
{
    [Fact]
    public void Pods_show_the_status_kubectl_derives_from_container_states()
    {
        var terminating = Pod("web-4", 2 * 86400, "Running", Running(100), ready: true);
        terminating.Metadata.DeletionTimestamp = Now;
        var pods = new List<KubeObject>
        {
            Pod("web-1", 5, "Running", Running(3), ready: true),
            Pod("web-2", 150, "Pending", Waiting("ContainerCreating")),
            Pod("web-3", 600, "Running", Waiting("CrashLoopBackOff"), restarts: 4, last: Terminated("Error", 1, 65)),
            Pod("job-1", 3 * 3600 + 600, "Succeeded", Terminated("Completed", 0, 60)),
            terminating,
            Pod("pending-1", 0, "Pending"),
        };

        var text = TablePrinter.Print(KindTables.Build("Pod", pods, Now), new TableOptions());

        Assert.Equal("""
            NAME        READY   STATUS              RESTARTS      AGE
            web-1       1/1     Running             0             5s
            web-2       0/1     ContainerCreating   0             2m30s
            web-3       0/1     CrashLoopBackOff    4 (65s ago)   10m
            job-1       0/1     Completed           0             3h10m
            web-4       1/1     Terminating         0             2d
            pending-1   0/1     Pending             0             0s

            """, text);
    }

    [Fact]
    public void Wide_pods_add_ip_node_nominated_node_and_readiness_gates()
    {
        var pod = Pod("web-1", 5, "Running", Running(3), ready: true);
        pod.Spec.NodeName = "node-1";
        pod.Status!.PodIPs = [new PodIP { Ip = "10.244.1.5" }];

        var text = TablePrinter.Print(KindTables.Build("Pod", [pod], Now), new TableOptions(Wide: true));

        Assert.Equal("""
            NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
            web-1   1/1     Running   0          5s    10.244.1.5   node-1   <none>           <none>

            """, text);
    }

    [Fact]
    public void Wide_deployments_add_containers_images_and_selector()
    {
        var text = TablePrinter.Print(KindTables.Build("Deployment", [Deployment("web", 3, 600)], Now), new TableOptions(Wide: true));

        Assert.Equal("""
            NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
            web    3/3     3            3           10m   nginx        nginx    app=web

            """, text);
    }

    [Fact]
    public void All_namespaces_and_several_kinds_add_a_namespace_column_and_kind_prefixed_names()
    {
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "kubernetes", Namespace = "default", CreationTimestamp = Ago(300) },
            Spec = new ServiceSpec { Type = "ClusterIP", ClusterIPs = ["10.96.0.1"], Ports = [new ServicePort { Port = 443, Protocol = "TCP" }] },
        };

        var text = TablePrinter.Print(KindTables.Build("Service", [service], Now), new TableOptions(WithNamespace: true, KindPrefix: "service"));

        Assert.Equal("""
            NAMESPACE   NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            default     service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   5m

            """, text);
    }

    [Fact]
    public void Nodes_events_and_replica_sets_print_their_upstream_columns()
    {
        var node = new Node
        {
            Metadata = new ObjectMeta { Name = "node-1", CreationTimestamp = Ago(2 * 86400), Labels = new() { ["node-role.kubernetes.io/control-plane"] = "" } },
            Status = new NodeStatus { Conditions = [new Condition { Type = "Ready", Status = "True" }], NodeInfo = new NodeSystemInfo { KubeletVersion = "v1.32.0" } },
            Spec = new NodeSpec { Unschedulable = true },
        };
        var scheduled = new Event
        {
            Metadata = new ObjectMeta { Name = "web-1.17c", Namespace = "default" },
            InvolvedObject = new ObjectReference { Kind = "Pod", Name = "web-1" },
            Type = "Normal", Reason = "Scheduled", Message = "Successfully assigned default/web-1 to node-1", FirstTimestamp = Ago(5), LastTimestamp = Ago(5),
        };

        Assert.Equal("""
            NAME     STATUS                     ROLES           AGE   VERSION
            node-1   Ready,SchedulingDisabled   control-plane   2d    v1.32.0

            """, TablePrinter.Print(KindTables.Build("Node", [node], Now), new TableOptions()));
        Assert.Equal("""
            LAST SEEN   TYPE     REASON      OBJECT      MESSAGE
            5s          Normal   Scheduled   pod/web-1   Successfully assigned default/web-1 to node-1

            """, TablePrinter.Print(KindTables.Build("Event", [scheduled], Now), new TableOptions()));
    }

    [Fact]
    public void An_empty_table_prints_nothing_not_even_headers() =>
        Assert.Equal("", TablePrinter.Print(KindTables.Build("Pod", [], Now), new TableOptions()));
}
