using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The page as a whole: two columns of tabs that fit a laptop screen, driven by keyboard too, in a light and a dark theme.</summary>
public class PageLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The first page of a test class may wait for a server that shares two cores with every other suite.</summary>
    private static readonly LocatorAssertionsToContainTextOptions FirstLoad = new() { Timeout = 30_000 };

    private async Task<IPage> OpenSandboxAsync(int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.Server.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$", FirstLoad);
        return page;
    }

    /// <summary>Asserts that the element lies wholly inside the viewport: nothing of it is cut off or needs the page to scroll.</summary>
    private static async Task AssertInsideViewportAsync(IPage page, ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("not rendered");
        var viewport = page.ViewportSize!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width + .5 && box.Y + box.Height <= viewport.Height + .5,
            $"box {box.X},{box.Y} {box.Width}x{box.Height} leaves the {viewport.Width}x{viewport.Height} viewport");
    }

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1920, 1080)]
    public async Task Terminal_and_cluster_sit_side_by_side_inside_the_screen_in_both_themes(int width, int height)
    {
        var page = await OpenSandboxAsync(width, height);
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var token = (await page.Context.CookiesAsync()).Single(c => c.Name == $"pg.sbx.{sandboxId}").Value;
        // Something in every panel, so the screenshots show the trace, resources and events with content.
        await fixture.Server.KubectlOkAsync(sandboxId, token, "kubectl create deployment web --image=nginx --replicas=3");
        await Expect(page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "web-" })).ToHaveCountAsync(3, new() { Timeout = 60_000 });

        foreach (var theme in new[] { "light", "dark" })
        {
            if (await page.Locator("html").GetAttributeAsync("data-bs-theme") != theme) await page.Locator("[data-theme-toggle]").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", theme);
            // The header is one line of buttons, also at 1280 px, where the owner's actions are most.
            Assert.True((await page.Locator(".app-header").BoundingBoxAsync())!.Height < 60, "the header wraps to a second line");
            await AssertInsideViewportAsync(page, page.Locator("#tabpanel-terminal"));
            await AssertInsideViewportAsync(page, page.Locator("#tabpanel-cluster"));
            Assert.Equal(height, await page.EvaluateAsync<int>("document.documentElement.scrollHeight"));
            await Shot(page, $"30-workspace-{width}x{height}-{theme}.png");

            foreach (var tab in new[] { "Trace", "Resources", "Events" })
            {
                await ShowTabAsync(page, tab);
                await Shot(page, $"31-{tab.ToLowerInvariant()}-{width}x{height}-{theme}.png");
            }
            await AssertEventsFitAsync(page);
            await ShowTabAsync(page, "Editor");
            await Shot(page, $"32-editor-{width}x{height}-{theme}.png");
            await ShowTabAsync(page, "Terminal");
            await ShowTabAsync(page, "Cluster");
        }
    }

    /// <summary>The Events tab's rows fit their panel: nothing scrolls sideways, and a message has room to be read (20rem or more).</summary>
    private static async Task AssertEventsFitAsync(IPage page)
    {
        var table = page.Locator("#tabpanel-events .table-responsive");
        var (scroll, client) = (await table.EvaluateAsync<int>("e => e.scrollWidth"), await table.EvaluateAsync<int>("e => e.clientWidth"));
        Assert.True(scroll <= client, $"the events table is {scroll}px wide in a {client}px panel");
        var message = await page.Locator("#tabpanel-events .event-message").First.BoundingBoxAsync() ?? throw new InvalidOperationException("no event shown");
        Assert.True(message.Width >= 320, $"a message has only {message.Width}px of the panel's {client}px");
    }

    [Fact]
    public async Task Arrow_keys_move_between_tabs_and_only_the_selected_tab_is_in_the_tab_order()
    {
        var page = await OpenSandboxAsync(1280, 720);
        var views = page.GetByRole(AriaRole.Tablist, new() { Name = "Cluster views" });
        var cluster = views.GetByRole(AriaRole.Tab, new() { Name = "Cluster" });
        await Expect(cluster).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(cluster).ToHaveAttributeAsync("tabindex", "0");

        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var trace = views.GetByRole(AriaRole.Tab, new() { Name = "Trace" });
        await Expect(trace).ToBeFocusedAsync();
        await Expect(trace).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(trace).ToHaveAttributeAsync("tabindex", "0");
        await Expect(cluster).ToHaveAttributeAsync("tabindex", "-1");
        await Expect(page.Locator("#tabpanel-trace")).ToBeVisibleAsync();
        await Expect(page.Locator("#tabpanel-cluster")).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("End");
        await Expect(views.GetByRole(AriaRole.Tab, new() { Name = "Events" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(cluster).ToBeFocusedAsync();
        await Expect(page.Locator("#tabpanel-cluster")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(views.GetByRole(AriaRole.Tab, new() { Name = "Events" })).ToBeFocusedAsync();
        await Expect(page.Locator("#tabpanel-events")).ToBeVisibleAsync();

        // Tab leaves the tablist for the selected panel, not for the next tab.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#tabpanel-events")).ToBeFocusedAsync();
        await Shot(page, "33-events-panel-focused.png");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Keyboard_users_see_where_the_focus_is_in_both_themes(ColorScheme scheme)
    {
        var page = await OpenSandboxAsync(1280, 720, scheme);
        var theme = scheme.ToString().ToLowerInvariant();
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var token = (await page.Context.CookiesAsync()).Single(c => c.Name == $"pg.sbx.{sandboxId}").Value;
        await fixture.Server.KubectlOkAsync(sandboxId, token, "kubectl create deployment web --image=nginx --replicas=2");
        await Expect(page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "web-" })).ToHaveCountAsync(2, new() { Timeout = 60_000 });

        // The skip link comes first, before the header, and shows itself when focused; the header's controls follow in reading order.
        await page.Locator(".app-header .brand").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await AssertInsideViewportAsync(page, skip);
        var order = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') ?? document.activeElement.textContent.trim()"));
        }
        Assert.Equal(["Kubernetes Playground", $"Download kubeconfig for sandbox {sandboxId}", "How to use the kubeconfig", "Share", "Dark theme", "My sandboxes", "New sandbox", "New classroom"], order);
        await Expect(page.Locator(".new-classroom-link")).ToBeFocusedAsync();
        await AssertFocusRingAsync(page.Locator(".new-classroom-link"));
        await page.Locator(".app-header").ScreenshotAsync(new() { Path = BrowserFixture.Screenshot($"34-header-focus-{theme}.png") });

        // Each kind of control draws the same ring: a tab, a trace step, a resource kind and a table row.
        var views = page.GetByRole(AriaRole.Tablist, new() { Name = "Cluster views" });
        await ShowTabAsync(page, "Trace");
        var step = page.Locator(".trace-step").First;
        await step.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".trace-detail")).ToBeVisibleAsync();
        await step.FocusAsync();
        await AssertFocusRingAsync(step);
        await Shot(page, $"35-trace-step-focus-{theme}.png");

        await ShowTabAsync(page, "Resources");
        var deployments = page.Locator(".resource-kind", new() { HasText = "Deployments" });
        await deployments.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(deployments).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Tab");
        await AssertFocusRingAsync(page.Locator(".resource-kind").Nth(2));
        var row = page.Locator(".resource-row").First;
        await row.FocusAsync();
        await AssertFocusRingAsync(row);
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the details" }).FocusAsync();
        await Shot(page, $"36-resources-focus-{theme}.png");

        await views.GetByRole(AriaRole.Tab, new() { Name = "Events" }).FocusAsync();
        await AssertFocusRingAsync(views.GetByRole(AriaRole.Tab, new() { Name = "Events" }));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Event type").FocusAsync();
        await Shot(page, $"37-events-focus-{theme}.png");
    }

    /// <summary>Clicks a tab and waits for the server's answer, its panel shown: until then a control in it cannot take the focus.</summary>
    private static async Task ShowTabAsync(IPage page, string tab)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
        await Expect(page.Locator($"#tabpanel-{tab.ToLowerInvariant()}")).ToBeVisibleAsync();
    }

    /// <summary>The focused element draws the page's ring: a 3px outline in the theme's focus colour.</summary>
    private static async Task AssertFocusRingAsync(ILocator element)
    {
        await Expect(element).ToBeFocusedAsync();
        var (style, width) = (await element.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"), await element.EvaluateAsync<string>("e => getComputedStyle(e).outlineWidth"));
        Assert.Equal(("solid", "3px"), (style, width));
    }

    [Fact]
    public async Task With_the_browsers_storage_blocked_the_page_still_opens_and_the_theme_toggle_works()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Server.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // As in a private window or a sandboxed iframe: even reading localStorage throws.
        await page.AddInitScriptAsync("Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });");

        await page.GotoAsync("/");
        await Expect(page.Locator(".node-card .node-name")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        // The page keeps working after the click: a re-render (the terminal's prompt) still gets the dark theme.
        await Expect(page.Locator(".terminal-host .xterm-rows")).ToContainTextAsync("$", FirstLoad);
        await Shot(page, "38-storage-blocked-dark.png");

        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_theme_follows_the_system_until_the_toggle_picks_one_and_a_reload_keeps_it()
    {
        var page = await OpenSandboxAsync(1280, 720, ColorScheme.Dark);
        var html = page.Locator("html");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");

        await toggle.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");

        await page.ReloadAsync();
        await Expect(page.Locator(".node-card .node-name")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "false");
        await Shot(page, "39-theme-kept-after-reload.png");
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name), Animations = ScreenshotAnimations.Disabled });
}
