using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The measure: a 300-replica apply (well over a thousand writes) must not freeze the page.</summary>
public class BurstResponsivenessTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: burst
        spec:
          replicas: 300
          selector:
            matchLabels: { app: burst }
          template:
            metadata:
              labels: { app: burst }
            spec:
              containers:
              - name: web
                image: nginx
        """;

    [Fact]
    public async Task A_300_replica_apply_reaches_the_page_without_a_main_thread_task_longer_than_a_second()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(".node-card .node-name")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var token = (await page.Context.CookiesAsync()).Single(c => c.Name == $"pg.sbx.{sandboxId}").Value;
        var revision = page.Locator(".write-count .revision");
        var before = long.Parse(await revision.InnerTextAsync());

        // Installed before the burst: every main-thread task over 50 ms from here on is recorded.
        await page.EvaluateAsync("""
            () => {
                window.longTasks = [];
                new PerformanceObserver(list => { for (const task of list.getEntries()) window.longTasks.push(task.duration); })
                    .observe({ type: 'longtask' });
            }
            """);
        await fixture.Server.KubectlOkAsync(sandboxId, token, "kubectl apply -f -", Deployment);
        await Expect(page.Locator(".node-card .pod-chip.pod-running", new() { HasText = "burst-" })).ToHaveCountAsync(300, new() { Timeout = 120_000 });

        var writes = long.Parse(await revision.InnerTextAsync()) - before;
        var tasks = await page.EvaluateAsync<double[]>("() => window.longTasks");
        var longest = tasks.DefaultIfEmpty(0).Max();
        output.WriteLine($"writes arrived: {writes}; long tasks (>50 ms): {tasks.Length}, total {tasks.Sum():F0} ms; longest main-thread task: {longest:F0} ms");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("42-after-300-replicas.png") });

        Assert.True(writes >= 1000, $"a 300-replica apply made only {writes} writes");
        Assert.True(longest < 1000, $"the page froze for {longest:F0} ms during the burst");
    }
}
