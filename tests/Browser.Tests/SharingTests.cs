using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>Issue 6: an owner shares a sandbox by link; a viewer watches it live, read-only, until the link is revoked; a fork link asks, then makes a copy of one's own.</summary>
public class SharingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>For what waits on the server, which shares two cores with every other test suite in CI.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };

    private async Task<IPage> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 720);
        return page;
    }

    private static async Task RunAsync(IPage page, string command)
    {
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$", Slow);
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync(command);
        await page.Keyboard.PressAsync("Enter");
    }

    private static Task ScreenshotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name) });

    private static async Task DarkAsync(IPage page)
    {
        await page.Locator("[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
    }

    /// <summary>Makes a link in the owner's Share menu and reads its address from the field that shows it once.</summary>
    private static async Task<string> CreateLinkAsync(IPage owner, string access)
    {
        await owner.Locator($".share-create-{access}").ClickAsync();
        await Expect(owner.Locator(".share-feedback")).ToContainTextAsync($"Created a {access} link", Slow);
        return await owner.Locator(".share-url").InputValueAsync();
    }

    [Fact]
    public async Task A_link_from_another_site_brings_the_browser_back_to_its_own_sandbox_and_keeps_its_list()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var mine = page.Url;

        // "localhost" is another site than "127.0.0.1" to the browser (the same server here): a page there links to the playground, as a chat would.
        await page.GotoAsync(new UriBuilder(mine) { Host = "localhost", Path = "/classrooms/new" }.Uri.ToString());
        await page.EvaluateAsync("url => { const a = document.createElement('a'); a.href = url; a.id = 'from-elsewhere'; a.textContent = 'Open the playground'; document.body.prepend(a); }",
            new UriBuilder(mine) { Path = "/" }.Uri.ToString());
        await page.Locator("#from-elsewhere").ClickAsync();

        await Expect(page).ToHaveURLAsync(mine);
        await page.GotoAsync("/sandboxes");
        await Expect(page.Locator(".sandbox-row")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_view_link_shows_the_sandbox_live_and_read_only_until_it_is_revoked_and_a_fork_is_a_separate_copy()
    {
        var owner = await NewPageAsync();
        await owner.GotoAsync("/");
        await Expect(owner).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var sandboxId = owner.Url[(owner.Url.LastIndexOf('/') + 1)..];

        await owner.Locator(".share-toggle").ClickAsync();
        await Expect(owner.Locator(".share-empty")).ToContainTextAsync("No links yet", Slow);
        var viewUrl = await CreateLinkAsync(owner, "view");
        Assert.Matches("/view/[A-Za-z0-9_-]{40,}$", viewUrl);
        await Expect(owner.Locator(".share-link")).ToHaveCountAsync(1);
        await ScreenshotAsync(owner, "01-owner-share-menu.png");
        await owner.Keyboard.PressAsync("Escape");
        await Expect(owner.Locator(".share-panel")).ToHaveCountAsync(0);
        await Expect(owner.Locator(".share-toggle")).ToBeFocusedAsync();

        var viewer = await NewPageAsync();
        await viewer.GotoAsync(viewUrl);
        await Expect(viewer).ToHaveURLAsync(new Regex($"/s/{sandboxId}$"));
        await Expect(viewer.Locator(".readonly-banner")).ToContainTextAsync($"Read-only view of sandbox {sandboxId}", Slow);
        await Expect(viewer.Locator(".control-bar")).ToHaveCountAsync(0);
        await Expect(viewer.Locator(".share-toggle")).ToHaveCountAsync(0);
        await Expect(viewer.Locator(".kubeconfig-download")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#tab-editor")).ToHaveCountAsync(0);

        // The owner's change appears on the viewer's page by itself.
        await RunAsync(owner, "kubectl create deployment web --image=nginx --replicas=2");
        await Expect(owner.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("deployment.apps/web created", Slow);
        await Expect(viewer.Locator(".node-card .pod-chip", new() { HasText = "web-" }).First).ToBeVisibleAsync(Visible);

        await RunAsync(viewer, "kubectl create deployment x --image=nginx");
        await Expect(viewer.Locator(".terminal-host .xterm-rows")).ToContainTextAsync($"this is a read-only view of sandbox {sandboxId}", Slow);
        await RunAsync(viewer, "kubectl get deployments");
        await Expect(viewer.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("web", Slow);
        await ScreenshotAsync(viewer, "02-viewer-read-only.png");

        // Revoked while the viewer's page is open: the page says so in place of the cluster, which would only go stale.
        await owner.Locator(".share-toggle").ClickAsync();
        await owner.Locator(".share-revoke").ClickAsync();
        await Expect(owner.Locator(".share-feedback")).ToContainTextAsync("Revoked the view link", Slow);
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "This view link was revoked by its owner" })).ToBeVisibleAsync(Visible);
        await Expect(viewer.Locator("main")).ToContainTextAsync($"You no longer have access to sandbox {sandboxId}.");
        await Expect(viewer.Locator(".node-card")).ToHaveCountAsync(0);
        await Expect(viewer.Locator(".terminal-host")).ToHaveCountAsync(0);
        await Expect(viewer.Locator(".readonly-banner")).ToHaveCountAsync(0);
        await ScreenshotAsync(viewer, "03-viewer-revoked-light.png");
        await DarkAsync(viewer);
        await ScreenshotAsync(viewer, "03-viewer-revoked-dark.png");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Start a sandbox of your own" }).ClickAsync();
        await Expect(viewer).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        Assert.DoesNotContain(sandboxId, viewer.Url);
        await Expect(viewer.Locator(".share-toggle")).ToBeVisibleAsync(Visible);

        // Opening a fork link only asks; the copy is made by the button.
        var forkUrl = await CreateLinkAsync(owner, "fork");
        var forker = await NewPageAsync();
        await forker.GotoAsync(forkUrl);
        await Expect(forker.GetByRole(AriaRole.Heading, new() { Name = "Make your own copy of sandbox" })).ToBeVisibleAsync();
        await Expect(forker.Locator("main")).ToContainTextAsync($"You get sandbox {sandboxId} as it is right now");
        await ScreenshotAsync(forker, "04-fork-confirm-light.png");
        await DarkAsync(forker);
        await ScreenshotAsync(forker, "04-fork-confirm-dark.png");
        await forker.GetByRole(AriaRole.Button, new() { Name = "Fork it" }).ClickAsync();
        await Expect(forker).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var forkId = forker.Url[(forker.Url.LastIndexOf('/') + 1)..];
        Assert.NotEqual(sandboxId, forkId);
        await Expect(forker.Locator(".readonly-banner")).ToHaveCountAsync(0);
        await Expect(forker.Locator(".node-card .pod-chip", new() { HasText = "web-" }).First).ToBeVisibleAsync(Visible);
        await RunAsync(forker, "kubectl create deployment forked --image=nginx");
        await Expect(forker.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("deployment.apps/forked created", Slow);
        await Expect(forker.Locator(".node-card .pod-chip", new() { HasText = "forked-" }).First).ToBeVisibleAsync(Visible);
        await RunAsync(owner, "kubectl get deployments");
        await Expect(owner.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("NAME", Slow);
        await Expect(owner.Locator(".terminal-host .xterm-rows")).Not.ToContainTextAsync("forked");
        await ScreenshotAsync(forker, "05-fork.png");
    }

    [Fact]
    public async Task New_sandbox_makes_another_home_returns_to_the_last_and_my_sandboxes_lists_renames_with_validation_and_creates_another()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var firstId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$", Slow);
        await page.GetByRole(AriaRole.Button, new() { Name = "New sandbox" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        Assert.NotEqual(firstId, sandboxId);
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex($"/s/{sandboxId}$"));

        await page.Locator(".my-sandboxes-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sandboxes$"));
        await Expect(page.Locator(".sandbox-row")).ToHaveCountAsync(2);
        var row = page.Locator(".sandbox-row", new() { HasText = sandboxId });
        await Expect(row).ToHaveCountAsync(1);

        await row.Locator(".sandbox-rename-start").ClickAsync();
        var field = row.Locator(".sandbox-rename input");
        await Expect(field).ToBeFocusedAsync();
        await field.FillAsync("   ");
        await field.PressAsync("Enter");
        await Expect(row.Locator("#rename-problem")).ToContainTextAsync("name must not be empty", Slow);
        await ScreenshotAsync(page, "05-rename-problem.png");
        await field.FillAsync("my first cluster");
        await field.PressAsync("Enter");
        await Expect(row.Locator(".sandbox-name")).ToContainTextAsync("my first cluster", Slow);
        await Expect(page.Locator(".sandbox-feedback")).ToContainTextAsync("Renamed", Slow);
        await ScreenshotAsync(page, "06-my-sandboxes.png");

        await page.Locator(".sandbox-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        Assert.DoesNotContain(sandboxId, page.Url);
        Assert.DoesNotContain(firstId, page.Url);
        await Expect(page.Locator(".share-toggle")).ToBeVisibleAsync(Visible);
    }
}
