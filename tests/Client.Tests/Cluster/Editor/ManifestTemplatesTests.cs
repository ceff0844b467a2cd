using Playground.Client.Cluster.Editor;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Cluster.Editor;

public class ManifestTemplatesTests
{
    [Fact]
    public void There_is_one_template_for_each_of_the_nine_kinds() =>
        Assert.Equal(["Deployment", "Service", "ConfigMap", "Job", "CronJob", "StatefulSet", "DaemonSet", "HorizontalPodAutoscaler", "Ingress"],
            ManifestTemplates.All.Select(t => t.Kind));

    [Fact]
    public void Every_template_is_accepted_by_the_api_server_and_applies()
    {
        var cluster = SimulatedCluster.Create();
        foreach (var template in ManifestTemplates.All)
        {
            var dryRun = cluster.Kubectl("kubectl apply -f - --dry-run=server", template.Yaml);
            Assert.True(dryRun.ExitCode == 0, $"{template.Kind}: {dryRun.Output}");
            Assert.EndsWith("created (server dry run)\n", dryRun.Output);
            Assert.Empty(ManifestProblems.Read(dryRun.Output, template.Yaml));

            var applied = cluster.Kubectl("kubectl apply -f -", template.Yaml);
            Assert.True(applied.ExitCode == 0, $"{template.Kind}: {applied.Output}");
            Assert.Contains($"kind: {template.Kind}", template.Yaml);
        }
        Assert.Equal("deployment.apps/nginx-deployment unchanged\n", cluster.Kubectl("kubectl apply -f -", ManifestTemplates.All[0].Yaml).Output);
    }
}
