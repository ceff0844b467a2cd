using Microsoft.AspNetCore.Components;
using Playground.Client.Cluster;
using Playground.Core.Kubectl;
using Playground.Core.Kubectl.Completion;

namespace Playground.Client.Tests.Cluster;

public sealed class TerminalTests
{
    [Fact]
    public async Task Leaving_the_page_while_the_terminal_starts_leaves_the_circuit_running()
    {
        var left = await PageLeftWhileStarting.LeaveAsync(builder =>
        {
            builder.OpenComponent<Terminal>(0);
            builder.AddComponentParameter(1, nameof(Terminal.SandboxId), "s1");
            builder.AddComponentParameter(2, nameof(Terminal.Run), (Func<string, string?, Task<KubectlResult>>)((_, _) => throw new NotSupportedException()));
            builder.AddComponentParameter(3, nameof(Terminal.Complete), (Func<string, string?, Task<KubectlCompletion>>)((_, _) => throw new NotSupportedException()));
            builder.CloseComponent();
        });

        Assert.Empty(left.WithClass("terminal-host"));
    }
}
