using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playground.Server.Tests;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>A person's first minutes: open the site, get a cluster, run kubectl in the terminal and watch the pods come up.</summary>
public class WorkspaceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 30_000 };

    /// <summary>For what waits on the server, which shares two cores with every other test suite in CI.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    /// <summary>Waits for the shell's prompt (keys typed before xterm is attached would go nowhere) and focuses it.</summary>
    private static async Task<ILocator> OpenTerminalAsync(IPage page)
    {
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$");
        await page.Locator(".terminal-host").ClickAsync();
        return terminal;
    }

    private static async Task TypeCommandAsync(IPage page, string command)
    {
        await page.Keyboard.TypeAsync(command);
        await page.Keyboard.PressAsync("Enter");
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name), FullPage = true });

    [Fact]
    public async Task A_deployment_typed_in_the_terminal_shows_up_as_three_running_pods()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.Locator(".sandbox-id")).ToHaveTextAsync(sandboxId);
        await Expect(page.Locator(".node-card .node-name")).ToHaveTextAsync(["node-1", "node-2", "node-3"]);
        var terminal = await OpenTerminalAsync(page);
        await ScreenshotAsync(page, "01-new-sandbox.png");

        await TypeCommandAsync(page, "kubectl create deployment web --image=nginx --replicas=3");
        await Expect(terminal).ToContainTextAsync("deployment.apps/web created", Slow);
        await TypeCommandAsync(page, "kubectl get pods");
        await Expect(terminal).ToContainTextAsync("NAME", Slow);

        var running = page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "web-" });
        await Expect(running).ToHaveCountAsync(3, Live);
        await Expect(running.Locator(".pod-status")).ToHaveTextAsync(["Running", "Running", "Running"]);
        // The map shows kube-system too: the three web pods beside two CoreDNS pods and a kube-proxy per node.
        await Expect(page.Locator(".node-summary")).ToContainTextAsync("8 pods (8 Running)");
        await ScreenshotAsync(page, "02-three-running-pods.png");
    }

    [Fact]
    public async Task A_burst_of_thousands_of_writes_reaches_the_live_view_and_the_terminal_keeps_working()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);

        // 200 pods, each created, scheduled, pulled and started with its events: well over a thousand writes at once.
        await TypeCommandAsync(page, "kubectl create deployment burst --image=nginx --replicas=200");
        await Expect(terminal).ToContainTextAsync("deployment.apps/burst created", Slow);
        await TypeCommandAsync(page, "kubectl get deployments");
        await Expect(terminal).ToContainTextAsync("NAME", Slow);

        await Expect(page.Locator(".pod-chip.pod-running", new() { HasText = "burst-" })).ToHaveCountAsync(200, new() { Timeout = 60_000 });
        // Beside kube-system's five add-on pods.
        await Expect(page.Locator(".node-summary")).ToContainTextAsync("205 pods (205 Running)");
        await ScreenshotAsync(page, "04-after-a-burst.png");
    }

    [Fact]
    public async Task A_heredoc_and_a_continued_line_are_read_to_their_end_and_run_as_one_command()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);

        foreach (var line in new[] { "kubectl apply -f - <<EOF", "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: settings", "data:", "  color: blue", "EOF" })
            await TypeCommandAsync(page, line);
        await Expect(terminal).ToContainTextAsync("> EOF");
        await Expect(terminal).ToContainTextAsync("configmap/settings created", Slow);

        await TypeCommandAsync(page, @"kubectl get configmap settings \");
        await TypeCommandAsync(page, "  -o name");
        await Expect(terminal).ToHaveTextAsync(new Regex(@"> +-o name\s+configmap/settings\s+default \$"), new() { UseInnerText = true });
        await ScreenshotAsync(page, "05-heredoc.png");
    }

    [Fact]
    public async Task A_typing_mistake_is_printed_in_red_and_the_prompt_comes_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var terminal = await OpenTerminalAsync(page);

        await TypeCommandAsync(page, "kubectl frobnicate");

        await Expect(terminal.Locator(".xterm-fg-1").First).ToBeVisibleAsync();
        await Expect(terminal).ToHaveTextAsync(new Regex(@"\$ kubectl frobnicate\s+\S.*\ndefault \$\s*$", RegexOptions.Singleline), new() { UseInnerText = true });
        await ScreenshotAsync(page, "08-typing-mistake.png");
    }

    [Fact]
    public async Task The_kubeconfig_downloaded_from_the_header_lets_the_real_kubectl_reach_the_sandbox()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var fileName = $"playground-{sandboxId}.kubeconfig";
        // The terminal takes the focus once it is attached; only after that does moving the focus by hand stick.
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$");

        // The help is one key away from the download and says how to use the file.
        var download = page.GetByRole(AriaRole.Link, new() { Name = $"Download kubeconfig for sandbox {sandboxId}" });
        var help = page.GetByRole(AriaRole.Button, new() { Name = "How to use the kubeconfig" });
        await download.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(help).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var note = page.GetByRole(AriaRole.Dialog, new() { Name = "Use this sandbox from your own kubectl" });
        await Expect(note).ToBeVisibleAsync();
        await Expect(note).ToContainTextAsync($"kubectl --kubeconfig {fileName} get pods -A");
        await Expect(note).ToContainTextAsync($"https://127.0.0.1:6443/sandboxes/{sandboxId} by default");
        await ScreenshotAsync(page, "06-kubeconfig-help.png");
        await page.Keyboard.PressAsync("Escape");
        await Expect(note).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(download).ToBeFocusedAsync();
        await page.Locator(".app-header").ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("07-kubeconfig-focused.png") });

        var saved = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());

        Assert.Equal(fileName, saved.SuggestedFilename);
        var folder = Directory.CreateTempSubdirectory("playground-kubeconfig-");
        try
        {
            var kubeconfig = Path.Combine(folder.FullName, saved.SuggestedFilename);
            await saved.SaveAsAsync(kubeconfig);
            using var kubectl = RealKubectl.ForFile(kubeconfig);
            var output = await kubectl.OkAsync("get nodes -o name");
            Assert.Equal(["node/node-1", "node/node-2", "node/node-3"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_sandbox_says_so_and_offers_a_new_one()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/s/nosuchsandbox");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sandbox not found" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "03-sandbox-not-found.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new sandbox" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        await Expect(page.Locator(".node-card .node-name")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
    }
}
