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
            new EndpointsController(services),
            new GarbageCollector(services),
            new Scheduler(services),
        ];
        return controllers.Concat(nodeNames.Select(node => new Kubelet.Kubelet(services, node)));
    }
}
