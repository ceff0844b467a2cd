using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The resource browser and the event timeline, following objects made in the terminal.</summary>
public class ResourceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    private static async Task TypeAsync(IPage page, string command, string answer)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Terminal", Exact = true }).ClickAsync();
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync(command);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync(answer, Slow);
    }

    private static string Shot(string name) => BrowserFixture.Screenshot(name);

    [Fact]
    public async Task A_deployment_is_browsed_down_its_owner_chain_to_a_pods_scheduling_and_warnings_are_filtered()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$", Slow);
        // node-1 takes no pods, so the scheduler rejects it in every attempt below.
        await TypeAsync(page, "kubectl cordon node-1", "node/node-1 cordoned");
        await TypeAsync(page, "kubectl create deployment web --image=nginx --replicas=2", "deployment.apps/web created");

        var views = page.GetByRole(AriaRole.Tablist, new() { Name = "Cluster views" });
        await views.GetByRole(AriaRole.Tab, new() { Name = "Resources" }).ClickAsync();
        var browser = page.Locator(".resource-browser");
        await browser.Locator(".resource-kind", new() { HasText = "Deployments" }).ClickAsync();
        await Expect(browser.Locator(".resource-kind.active")).ToHaveAttributeAsync("aria-pressed", "true");
        var row = browser.Locator(".resource-table tbody tr", new() { Has = page.Locator("td.resource-name", new() { HasTextRegex = new Regex("^web$") }) });
        await Expect(row.Locator(".status-badge")).ToHaveTextAsync(new Regex("Ready 2/2"), new() { Timeout = 30_000 });

        // Keyboard: the row takes focus and Enter selects it.
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        var detail = browser.Locator(".resource-detail");
        await Expect(detail.Locator(".resource-detail-title")).ToContainTextAsync("deployment/web");
        await Expect(detail.Locator(".resource-describe")).ToContainTextAsync(new Regex("Name:\\s+web"));
        await Expect(detail.Locator(".resource-describe")).ToContainTextAsync(new Regex("Replicas:\\s+2 desired \\| 2 updated \\| 2 total \\| 2 available"));
        await page.ScreenshotAsync(new() { Path = Shot("50-resources-describe.png") });

        var detailTabs = detail.GetByRole(AriaRole.Tablist, new() { Name = "Details of the selected object" });
        await detailTabs.GetByRole(AriaRole.Tab, new() { Name = "YAML" }).ClickAsync();
        await Expect(detail.Locator(".resource-yaml")).ToContainTextAsync("kind: Deployment");
        await detailTabs.GetByRole(AriaRole.Tab, new() { Name = "Owners" }).ClickAsync();
        var tree = detail.Locator(".owner-tree");
        await Expect(tree.Locator(".owner-self")).ToHaveTextAsync("Deployment/web");
        await Expect(tree.Locator(".owner-dependents > li > .owner-link").First).ToContainTextAsync(new Regex("^\\s*ReplicaSet/web-"));
        var pods = tree.Locator(".owner-dependents .owner-dependents .owner-link");
        await Expect(pods).ToHaveCountAsync(2);
        await Expect(pods.First).ToContainTextAsync(new Regex("Pod/web-[a-z0-9]+-[a-z0-9]{5}\\s+Running"));
        await browser.ScreenshotAsync(new() { Path = Shot("51-resources-owners.png") });

        // A pod in the chain opens the pod, in the Pods table, with the scheduler's verdicts on every node.
        var podName = Regex.Match(await pods.First.InnerTextAsync(), "web-[a-z0-9]+-[a-z0-9]{5}").Value;
        await pods.First.ClickAsync();
        await Expect(browser.Locator(".resource-kind.active")).ToContainTextAsync("Pods");
        await Expect(detail.Locator(".resource-detail-title")).ToContainTextAsync("pod/" + podName);
        await detailTabs.GetByRole(AriaRole.Tab, new() { Name = "Scheduling" }).ClickAsync();
        var nodes = detail.Locator(".scheduling-table tbody tr");
        await Expect(nodes).ToHaveCountAsync(3);
        await Expect(nodes.Locator("th")).ToContainTextAsync([new Regex("^node-1"), new Regex("^node-2"), new Regex("^node-3")]);
        await Expect(detail.Locator(".scheduling-node.rejected")).ToContainTextAsync(new Regex("^\\s*node-1\\s+Rejected by NodeUnschedulable\\s+node\\(s\\) were unschedulable"));
        await Expect(detail.Locator(".scheduling-node.chosen")).ToHaveCountAsync(1);
        await Expect(detail.Locator(".scheduling-node.chosen")).ToContainTextAsync("Passed");
        await Expect(detail.Locator(".scheduling-title")).ToContainTextAsync(new Regex("bound to node-[23]"));
        await browser.ScreenshotAsync(new() { Path = Shot("52-resources-scheduling.png") });

        // Edit hands the live object to the manifest editor and brings the editor's tab forward.
        await detail.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Editor" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator(".manifest-monaco .view-lines")).ToContainTextAsync("name: " + podName, Slow);

        // An image that cannot be pulled: the timeline filtered to warnings shows its Failed events, and nothing Normal.
        await TypeAsync(page, "kubectl run bad --image=nosuchimage", "pod/bad created");
        await views.GetByRole(AriaRole.Tab, new() { Name = "Events" }).ClickAsync();
        var timeline = page.Locator(".panel-events .event-list");
        await timeline.GetByLabel("Event type").SelectOptionAsync("Warning");
        await Expect(timeline.Locator("tbody tr", new() { HasText = "pod/bad" }).First).ToContainTextAsync("Failed", Slow);
        await Expect(timeline.Locator("tbody tr.event-normal")).ToHaveCountAsync(0);
        await Expect(timeline.Locator("tbody tr.event-warning .bi-exclamation-triangle-fill").First).ToBeVisibleAsync();
        await Expect(timeline.Locator("tbody")).ToContainTextAsync("ErrImagePull");
        await timeline.GetByLabel("Object name contains").FillAsync("web");
        await Expect(timeline.Locator(".event-empty")).ToHaveTextAsync("No events match these filters.");
        await timeline.GetByLabel("Object name contains").FillAsync("");
        await Expect(timeline.Locator("tbody tr.event-warning", new() { HasText = "pod/bad" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("53-events-warnings.png") });

        // The dark theme keeps the badges and the selected row readable (looked at in the screenshot).
        await page.Locator("button", new() { HasText = "Dark theme" }).ClickAsync();
        await views.GetByRole(AriaRole.Tab, new() { Name = "Resources" }).ClickAsync();
        await Expect(page.Locator("#tabpanel-resources")).ToBeVisibleAsync();
        await Expect(detail.Locator(".scheduling-node.chosen")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("54-resources-dark.png") });
    }
}
