using Playground.Core.Controllers.Deployments;
using Playground.Core.Controllers.Endpoints;
using Playground.Core.Controllers.GarbageCollector;
using Playground.Core.Controllers.ReplicaSets;
using Playground.Core.Scheduling;

namespace Playground.Core.Simulation;

/// <summary>The list of components a sandbox runs: controllers, scheduler, and one kubelet per node.</summary>
internal static class ControlPlane
{
    public static IEnumerable<IComponent> Components(ClusterServices services, IEnumerable<string> nodeNames)
    {
        IComponent[] controllers =
        [
            new ReplicaSetController(services),
            new DeploymentController(services),
            new Controllers.StatefulSets.StatefulSetController(services),
            new Controllers.DaemonSets.DaemonSetController(services),
            new EndpointsController(services),
            new Controllers.EndpointSlices.EndpointSliceController(services),
            new Networking.LoadBalancers.LoadBalancerController(services),
            new Networking.Ingresses.IngressController(services),
            new Controllers.Jobs.JobController(services),
            new Controllers.Jobs.TtlAfterFinishedController(services),
            new Controllers.CronJobs.CronJobController(services),
            new Controllers.Autoscaling.HorizontalPodAutoscalerController(services),
            new Controllers.NodeLifecycle.NodeLifecycleController(services),
            new Controllers.TaintEviction.TaintEvictionController(services),
            new Controllers.PodGarbageCollector.PodGarbageCollector(services),
            new Controllers.Disruption.DisruptionController(services),
            new Controllers.Namespaces.NamespaceController(services),
            new Controllers.ServiceAccounts.ServiceAccountsController(services),
            new Controllers.ResourceQuotas.ResourceQuotaController(services),
            new Controllers.PersistentVolumes.PersistentVolumeController(services),
            new Controllers.PersistentVolumes.LocalPathProvisioner(services),
            new Controllers.PersistentVolumes.ProtectionController(services),
            new GarbageCollector(services),
            new Scheduler(services),
        ];
        return controllers.Concat(nodeNames.Select(node => new Kubelet.Kubelet(services, node)));
    }
}
