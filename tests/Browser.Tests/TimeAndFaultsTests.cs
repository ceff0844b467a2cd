using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The control bar: stepping the cluster a write at a time, running it until settled, and failing a node.</summary>
public class TimeAndFaultsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions SlowText = new() { Timeout = 30_000 };

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name), FullPage = true });

    private static async Task RunAsync(IPage page, string command, string expected)
    {
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$");
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync(command);
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync(expected, Slow);
    }

    private static async Task<long> RevisionAsync(IPage page) => long.Parse(await page.Locator(".write-count .revision").InnerTextAsync());

    private static async Task<IPage> OpenPausedAsync(BrowserFixture fixture)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var pause = page.GetByRole(AriaRole.Button, new() { Name = "Pause the simulated clock" });
        await Expect(pause).ToHaveAttributeAsync("aria-pressed", "false");
        await pause.ClickAsync();
        await Expect(pause).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".clock-state")).ToHaveTextAsync("Paused");
        await Expect(page.Locator(".time-feedback")).ToHaveTextAsync("Paused: simulated time stands still. Step runs it one write at a time.");
        return page;
    }

    /// <summary>How many writes the trace holds for the command shown, from its heading ("…: 12 writes so far").</summary>
    private static async Task<int> TraceCountAsync(IPage page)
    {
        var heading = await page.Locator(".trace-chain .trace-subtitle").InnerTextAsync();
        return int.Parse(Regex.Match(heading, @"(\d+) writes? so far").Groups[1].Value);
    }

    [Fact]
    public async Task Each_step_click_stores_exactly_one_write_says_what_it_was_and_the_trace_grows_by_it()
    {
        var page = await OpenPausedAsync(fixture);
        await RunAsync(page, "kubectl create deployment web --image=nginx --replicas=2", "deployment.apps/web created");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Trace" }).ClickAsync();
        await Expect(page.Locator(".trace-chain .trace-subtitle")).ToContainTextAsync("1 write so far");
        // Keyboard only: the step button is reached and pressed like any other.
        var step = page.GetByRole(AriaRole.Button, new() { Name = "Step: run until one more write is stored, then pause" });
        await step.FocusAsync();
        await ScreenshotAsync(page, "10-paused-before-stepping.png");

        var traced = 0;
        for (var i = 0; i < 10; i++)
        {
            var before = await RevisionAsync(page);
            await Expect(page.Locator(".write-count")).ToHaveAttributeAsync("data-stream-revision", before.ToString());
            var traceBefore = await TraceCountAsync(page);

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(".time-feedback")).ToHaveTextAsync(new Regex($@"^Step: \S+ → \w+ \w+ .+ \(revision {before + 1}\), \S+ later\. Paused\.$"), SlowText);
            await Expect(page.Locator(".write-count .revision")).ToHaveTextAsync((before + 1).ToString());
            // Once the live stream has brought the write, it is in the trace, alone, or (a lease, a node's status) not part of this command.
            await Expect(page.Locator(".write-count")).ToHaveAttributeAsync("data-stream-revision", (before + 1).ToString());
            var inTrace = await page.Locator(".trace-step .step-rev", new() { HasTextRegex = new Regex($"^#{before + 1}$") }).CountAsync();
            Assert.Equal(traceBefore + inTrace, await TraceCountAsync(page));
            traced += inTrace;
        }
        // A rollout's first writes follow one another without waiting: nearly every step is one of them.
        Assert.True(traced >= 8, $"only {traced} of 10 steps were writes of the rollout");
        await Expect(page.Locator(".time-feedback")).ToContainTextAsync("Paused.");
        await Expect(page.Locator(".clock-state")).ToHaveTextAsync("Paused");
        await Expect(page.Locator(".trace-lane .lane-title", new() { HasText = "ReplicaSet controller" })).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "11-after-ten-steps.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause the simulated clock" }).ClickAsync();
        await Expect(page.Locator(".clock-state")).ToContainTextAsync("Running at");
        await page.Locator("#time-speed").SelectOptionAsync("0.25");
        await Expect(page.Locator(".time-feedback")).ToHaveTextAsync("Speed set to 0.25×.");
        await Expect(page.Locator(".clock-state")).ToHaveTextAsync("Running at 0.25×");
    }

    [Fact]
    public async Task Failing_a_node_moves_its_pods_once_settled_and_recovering_it_brings_it_back()
    {
        var page = await OpenPausedAsync(fixture);
        await RunAsync(page, "kubectl create deployment web --image=nginx --replicas=2", "deployment.apps/web created");
        var settle = page.GetByRole(AriaRole.Button, new() { Name = "Run until settled: until the cluster is idle, at most one hour of simulated time" });
        await settle.ClickAsync();
        await Expect(page.Locator(".time-feedback")).ToContainTextAsync("Settled after", Slow);
        var web = page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "web-" });
        await Expect(web).ToHaveCountAsync(2, Live);

        // The node of the first web pod fails.
        var card = page.Locator(".node-card", new() { Has = page.Locator(".pod-chip", new() { HasText = "web-" }) }).First;
        var node = await card.Locator(".node-name").InnerTextAsync();
        await page.Locator("#fault-node").SelectOptionAsync(node);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Fail node {node}: cut its power" }).ClickAsync();
        await Expect(page.Locator(".fault-feedback")).ToHaveTextAsync($"Node \"{node}\" failed: its kubelet stopped.");
        await Expect(page.Locator("#fault-node option:checked")).ToHaveTextAsync($"{node} (failed)");
        await ScreenshotAsync(page, "12-node-failed.png");

        await settle.ClickAsync();
        await Expect(page.Locator(".time-feedback")).ToContainTextAsync("Settled after", Slow);
        var failedCard = page.Locator(".node-card", new() { Has = page.Locator($".node-name:text-is('{node}')") });
        await Expect(failedCard.Locator(".node-status")).ToHaveTextAsync("Unknown", new() { Timeout = 30_000 });
        // As in Kubernetes, the evicted pods stay Terminating on the silent node: its kubelet cannot confirm the delete.
        await Expect(failedCard.Locator(".pod-chip.pod-running", new() { HasText = "web-" })).ToHaveCountAsync(0, Live);
        await Expect(failedCard.Locator(".pod-chip.pod-terminating", new() { HasText = "web-" })).ToHaveCountAsync(2, Live);
        await Expect(web).ToHaveCountAsync(2, Live);
        await ScreenshotAsync(page, "13-pods-moved-after-settling.png");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Recover node {node}: power it back on" }).ClickAsync();
        await Expect(page.Locator(".fault-feedback")).ToHaveTextAsync($"Node \"{node}\" recovered: its kubelet is back.");
        await settle.ClickAsync();
        await Expect(page.Locator(".time-feedback")).ToContainTextAsync("Settled after", Slow);
        await Expect(failedCard.Locator(".node-status")).ToHaveTextAsync(new Regex("^Ready"), new() { Timeout = 30_000 });
        // Back up, its kubelet finishes the deletes it could not confirm.
        await Expect(failedCard.Locator(".pod-chip", new() { HasText = "web-" })).ToHaveCountAsync(0, Live);
        await ScreenshotAsync(page, "14-node-recovered.png");
    }
}
