using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Playground.Server.Tests;

// One browser journey at a time: each class starts a server and a Chromium, and several at once on two cores time out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Playground.Browser.Tests;

/// <summary>The real server and Debian's Chromium, shared by a test class; each test opens its own browser context (its own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Playwright drives the system Chromium and never downloads a browser of its own.</summary>
    private static readonly BrowserTypeLaunchOptions Launch = new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    private IPlaywright? playwright;

    public PlaygroundServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land beside the test assembly (bin/, never committed), for a person to look at.</summary>
    private static readonly string ScreenshotDirectory = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>
    /// Where a test saves the screenshot <paramref name="name"/>: prefixed with the test class (its file's name, which the
    /// compiler fills in), so two classes that both number their shots "10-…" never overwrite each other.
    /// </summary>
    public static string Screenshot(string name, [CallerFilePath] string testFile = "") =>
        Path.Combine(ScreenshotDirectory, $"{Path.GetFileNameWithoutExtension(testFile)}-{name}");

    public async Task InitializeAsync()
    {
        Server = await PlaygroundServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(Launch);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Server.BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
