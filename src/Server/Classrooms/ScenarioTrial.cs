using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>
/// Plants an uploaded scenario's objects in a throwaway cluster of its shape, as a sandbox seed plants them, so that
/// what only the API server can refuse (an invalid field, a namespace that does not exist, a name used twice) is found
/// when the instructor uploads it, with the object's line, and not when the first student joins.
/// </summary>
public static class ScenarioTrial
{
    /// <summary>The cluster with the scenario's objects in it; throws <see cref="ScenarioException"/> naming the first object it refused.</summary>
    public static SimulatedCluster Plant(Scenario scenario, ClusterOptions defaults)
    {
        var cluster = SimulatedCluster.Create(scenario.ClusterOptions(defaults));
        for (var i = 0; i < scenario.Objects.Count; i++)
        {
            try
            {
                SandboxSeed.Plant(cluster, scenario.Objects[i]);
            }
            catch (ApiException e)
            {
                throw new ScenarioException($"line {scenario.Objects[i].Line}: objects[{i}]: {e.Message}");
            }
        }
        cluster.RunPending();
        return cluster;
    }
}
