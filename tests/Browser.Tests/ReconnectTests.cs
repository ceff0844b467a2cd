using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playground.Server.Tests;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>A server restart under an open page: the page comes back by itself, on the same sandbox, with its pods.</summary>
public class ReconnectTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 60_000 };

    [Fact]
    public async Task After_a_server_restart_the_page_reconnects_by_itself_and_shows_the_same_sandbox()
    {
        await using var first = await PlaygroundServer.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = first.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        var url = page.Url;
        var terminal = page.Locator(".terminal-host .xterm-rows");
        await Expect(terminal).ToContainTextAsync("$", new() { Timeout = 30_000 });
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl create deployment web --image=nginx --replicas=2");
        await page.Keyboard.PressAsync("Enter");
        var running = page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "web-" });
        await Expect(running).ToHaveCountAsync(2, Live);
        await page.EvaluateAsync("() => window.beforeRestart = true");

        await first.StopAsync();
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(banner).ToContainTextAsync("Reconnecting");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("40-reconnecting.png") });

        // The same data directory and port, as a service manager restarts it.
        await using var second = await PlaygroundServer.StartAsync(first.DataDirectory, extraArguments: ["--urls", first.BaseAddress.ToString().TrimEnd('/')]);
        Assert.Equal(first.BaseAddress, second.BaseAddress);

        // Nobody touches the page: it reloads itself once the new server turns the old circuit away.
        await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 60_000 });
        Assert.Equal(url, page.Url);
        await Expect(running).ToHaveCountAsync(2, Live);
        // Generous: on a loaded CI machine the fresh circuit may itself drop once and come back.
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(terminal).ToContainTextAsync("$", new() { Timeout = 30_000 });
        await page.Locator(".terminal-host").ClickAsync();
        await page.Keyboard.TypeAsync("kubectl get deployments");
        await page.Keyboard.PressAsync("Enter");
        await Expect(terminal).ToContainTextAsync("web", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("41-after-restart.png") });
        await context.CloseAsync();
    }
}
