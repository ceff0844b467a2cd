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
            await AssertInsideViewportAsync(page, page.Locator("#tabpanel-terminal"));
            await AssertInsideViewportAsync(page, page.Locator("#tabpanel-cluster"));
            Assert.Equal(height, await page.EvaluateAsync<int>("document.documentElement.scrollHeight"));
            await Shot(page, $"30-workspace-{width}x{height}-{theme}.png");

            foreach (var tab in new[] { "Trace", "Resources", "Events" })
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
                await Shot(page, $"31-{tab.ToLowerInvariant()}-{width}x{height}-{theme}.png");
            }
            await page.GetByRole(AriaRole.Tab, new() { Name = "Editor" }).ClickAsync();
            await Shot(page, $"32-editor-{width}x{height}-{theme}.png");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Terminal" }).ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Cluster" }).ClickAsync();
        }
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

        // Tab leaves the tablist for the selected panel, not for the next tab.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#tabpanel-events")).ToBeFocusedAsync();
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
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), Animations = ScreenshotAnimations.Disabled });
}
