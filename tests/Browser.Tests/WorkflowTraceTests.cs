using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>A command typed in the terminal, followed through the control plane in the workflow trace.</summary>
public class WorkflowTraceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_deployment_is_traced_from_kubectl_to_the_kubelets_and_a_step_opens_its_yaml()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Trace" }).ClickAsync();
        var trace = page.Locator(".panel-trace");
        await Expect(trace.Locator(".trace-empty")).ToHaveTextAsync(new Regex("^\\s*Run a command to see its trace"));
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$");
        await page.Locator(".terminal-host").ClickAsync();

        await page.Keyboard.TypeAsync("kubectl create deployment web --image=nginx --replicas=2");
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("deployment.apps/web created", Slow);

        await Expect(trace.Locator(".trace-command[aria-pressed=true]")).ToContainTextAsync("create Deployment default/web");
        var lanes = trace.Locator(".trace-lane .lane-title");
        await Expect(lanes.Nth(5)).ToHaveTextAsync(new Regex("^Kubelet on node-\\d$"), new() { Timeout = 30_000 });
        var titles = await lanes.AllTextContentsAsync();
        Assert.Equal(["kubectl", "API server → etcd", "Deployment controller", "ReplicaSet controller", "Scheduler"], titles.Take(5));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("20-trace.png"), FullPage = true });
        // Both pods end up Running: each kubelet lane shows its pod's status updates.
        await Expect(trace.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^kubelet\\/node-\\d → update Pod default\\/web-") }).First).ToBeVisibleAsync();

        var bind = trace.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^default-scheduler → bind Pod default\\/web-") }).First;
        await bind.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(bind).ToHaveAttributeAsync("aria-pressed", "true");
        var detail = trace.Locator(".trace-detail");
        await Expect(detail.Locator(".trace-detail-title")).ToContainTextAsync("default-scheduler → bind Pod default/web-");
        await Expect(detail.Locator(".trace-yaml code")).ToContainTextAsync(new Regex("nodeName: node-\\d"));
        await Expect(detail.Locator(".diff-added").First).ToBeVisibleAsync();
        await Expect(detail.Locator(".diff-added", new() { HasTextRegex = new Regex("nodeName: node-\\d") })).ToHaveCountAsync(1);
        await trace.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("21-trace-step.png") });

        // The next command becomes the one shown; the earlier one stays a click away in the list.
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl expose deployment web --port=80");
        await page.Keyboard.PressAsync("Enter");
        await Expect(trace.Locator(".trace-command[aria-pressed=true]")).ToContainTextAsync("create Service default/web", Slow);
        await Expect(lanes).ToHaveTextAsync(["kubectl", "API server → etcd", "Endpoints controller", "EndpointSlice controller"]);
        await Expect(trace.Locator(".trace-detail")).ToHaveCountAsync(0);
        await trace.Locator(".trace-command", new() { HasText = "create Deployment default/web" }).ClickAsync();
        await Expect(lanes.Nth(2)).ToHaveTextAsync("Deployment controller");
    }
}
