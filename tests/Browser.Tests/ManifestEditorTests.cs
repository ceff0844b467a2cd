using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>
/// The manifest editor: the journey of a new tab applying a Deployment from a template and following it in the trace and
/// the cluster map; an invalid value marked at its line with nothing written; a live object opened from the resource browser.
/// </summary>
public class ManifestEditorTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name), FullPage = true });

    /// <summary>A new sandbox in a browser context of its own, with the editor's tab open and Monaco loaded.</summary>
    private async Task<(IPage Page, ILocator Code)> OpenEditorAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Editor" }).ClickAsync();
        var code = page.Locator(".manifest-monaco .view-lines");
        await Expect(code).ToContainTextAsync("Choose a template above", Slow);
        return (page, code);
    }

    [Fact]
    public async Task A_new_tab_applies_a_deployment_from_the_editor_and_sees_the_trace_and_the_pods()
    {
        var (page, code) = await OpenEditorAsync();
        await page.GetByLabel("Start from").SelectOptionAsync("Deployment");
        await Expect(code).ToContainTextAsync("name: nginx-deployment");
        await ScreenshotAsync(page, "01-deployment-template.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var result = page.Locator(".manifest-result");
        await Expect(result).ToContainTextAsync("$ kubectl apply -f -", Slow);
        await Expect(result).ToContainTextAsync("deployment.apps/nginx-deployment created", Slow);
        await Expect(result).Not.ToContainTextAsync("Failed");

        // The trace follows the apply from kubectl through the API server and the controllers to the scheduler and the kubelets.
        var views = page.GetByRole(AriaRole.Tablist, new() { Name = "Cluster views" });
        await views.GetByRole(AriaRole.Tab, new() { Name = "Trace" }).ClickAsync();
        await Expect(page.Locator("#tabpanel-trace")).ToBeVisibleAsync();
        var trace = page.Locator(".panel-trace");
        await Expect(trace.Locator(".trace-command[aria-pressed=true]")).ToContainTextAsync("create Deployment default/nginx-deployment", Slow);
        var lanes = trace.Locator(".trace-lane .lane-title");
        await Expect(lanes.Nth(5)).ToHaveTextAsync(new Regex("^Kubelet on node-\\d$"), new() { Timeout = 30_000 });
        Assert.Equal(["kubectl", "API server → etcd", "Deployment controller", "ReplicaSet controller", "Scheduler"], (await lanes.AllTextContentsAsync()).Take(5));
        await Expect(trace.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^default-scheduler → bind Pod default\\/nginx-deployment-") })).ToHaveCountAsync(3, Live);
        await ScreenshotAsync(page, "02-trace-of-the-apply.png");

        // The cluster map shows the three pods Running, each on a node.
        await views.GetByRole(AriaRole.Tab, new() { Name = "Cluster" }).ClickAsync();
        await Expect(page.Locator("#tabpanel-cluster")).ToBeVisibleAsync();
        var running = page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "nginx-deployment-" });
        await Expect(running).ToHaveCountAsync(3, Live);
        await Expect(running.Locator(".pod-status")).ToHaveTextAsync(["Running", "Running", "Running"]);
        await ScreenshotAsync(page, "03-three-pods-running.png");
    }

    [Fact]
    public async Task An_invalid_value_is_marked_at_its_line_and_nothing_is_written()
    {
        var (page, code) = await OpenEditorAsync();
        await page.GetByLabel("Start from").SelectOptionAsync("Deployment");
        await Expect(code).ToContainTextAsync("name: nginx-deployment");

        // replicas: 3 → -1, typed as a person would; the dry run while typing marks line 8.
        await page.Locator(".manifest-monaco .view-line", new() { HasText = "replicas: 3" }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("-1");
        var problems = page.Locator(".manifest-problems");
        await Expect(problems).ToContainTextAsync("Line 8", Slow);
        await Expect(problems).ToContainTextAsync("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
        await Expect(page.Locator(".manifest-monaco .squiggly-error")).ToHaveCountAsync(1, Live);
        await ScreenshotAsync(page, "10-invalid-replicas-marked.png");

        // Ctrl+Enter applies from the keyboard: the dry run refuses it, says so in words, and nothing is written.
        await page.Keyboard.PressAsync("Control+Enter");
        var result = page.Locator(".manifest-result");
        await Expect(result).ToContainTextAsync("Failed: $ kubectl apply -f - --dry-run=server", Slow);
        await Expect(result).ToContainTextAsync("Deployment.apps \"nginx-deployment\" is invalid: spec.replicas: Invalid value: -1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go to line 8" }).ClickAsync();
        await Expect(page.Locator(".manifest-monaco .line-numbers.active-line-number")).ToHaveTextAsync("8");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Terminal" }).ClickAsync();
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$");
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl get deployments");
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("No resources found in default namespace.", Slow);

        // Monaco follows the page's theme.
        await page.Locator(".theme-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Editor" }).ClickAsync();
        await Expect(page.Locator(".manifest-monaco .monaco-editor.vs-dark")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "11-dark-theme.png");
    }

    [Fact]
    public async Task Edit_in_the_resource_browser_opens_the_live_object_even_before_the_editor_was_shown()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$", Slow);
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl create deployment web --image=nginx --replicas=2");
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("deployment.apps/web created", Slow);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Resources" }).ClickAsync();
        await page.Locator(".resource-kind", new() { HasText = "Deployments" }).ClickAsync();
        // The table shows pods until the kind's click has made its way round: the row is the deployment's once it says so.
        await Expect(page.Locator(".resource-kind-heading")).ToHaveTextAsync("Deployments");
        await page.Locator(".resource-row", new() { HasText = "web" }).First.ClickAsync();
        await page.Locator(".resource-edit").ClickAsync();

        var code = page.Locator(".manifest-monaco .view-lines");
        await Expect(page.Locator(".manifest-source")).ToContainTextAsync("Live object: deployment/web in default", Slow);
        await Expect(code).ToContainTextAsync("resourceVersion:", Slow);
        await Expect(code).ToContainTextAsync("replicas: 2");
        await ScreenshotAsync(page, "20-live-object.png");

        // Changed and applied from the keyboard: kubectl's three-way merge reports it configured.
        await page.Locator(".manifest-monaco .view-line", new() { HasText = "replicas: 2" }).First.ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("4");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator(".manifest-result")).ToContainTextAsync("deployment.apps/web configured", Slow);
        await Expect(page.Locator(".manifest-problems")).ToHaveCountAsync(0);
    }
}
