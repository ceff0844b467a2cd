using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Playground.Browser.Tests;

/// <summary>The cluster map on a laptop screen: a service drawn to its pods, the nodes' meters, the control plane at work.</summary>
public class ClusterMapTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 60_000 };

    private const string WebApp = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: web }
        spec:
          replicas: 3
          selector: { matchLabels: { app: web } }
          template:
            metadata: { labels: { app: web } }
            spec:
              containers:
              - name: web
                image: nginx
                resources: { requests: { cpu: 250m, memory: 64Mi } }
                readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 2 }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web }
        spec:
          selector: { app: web }
          ports: [{ port: 80, targetPort: 80 }]
        """;

    /// <summary>The CPU requested on all nodes together, in millicores, as the meters write it ("750m / 2 CPU requested (37%)").</summary>
    private const string CpuRequestedScript = """
        () => [...document.querySelectorAll('.node-card .map-meter-value')]
            .map(v => v.textContent.match(/^(\d+)(m?) \/ \S+ CPU requested/))
            .filter(Boolean)
            .reduce((sum, m) => sum + (m[2] ? Number(m[1]) : Number(m[1]) * 1000), 0)
        """;

    private async Task<(IPage Page, string SandboxId, string Token)> OpenSandboxAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.Server.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 720 },
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/s/[a-z0-9]+$"));
        await Expect(page.Locator(".node-card .node-name")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var sandboxId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var token = (await context.CookiesAsync()).Single(c => c.Name == $"pg.sbx.{sandboxId}").Value;
        return (page, sandboxId, token);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot(name) });

    [Fact]
    public async Task A_service_is_drawn_to_its_pods_the_meters_move_and_focus_highlights_the_pods()
    {
        var (page, sandboxId, token) = await OpenSandboxAsync();
        var map = page.Locator(".cluster-map");
        await Expect(map.Locator(".service-empty")).ToContainTextAsync("kubectl expose deployment web --port 80");
        // A new cluster: CoreDNS's two pods request 100m each; nothing else does.
        await page.WaitForFunctionAsync($"({CpuRequestedScript})() === 200");
        await Shot(page, "map-new-cluster-1280x720-light.png");

        await fixture.Server.KubectlOkAsync(sandboxId, token, "kubectl apply -f -", WebApp);

        var card = map.Locator(".service-card", new() { Has = page.Locator(".service-name:text-is('web')") });
        await Expect(card.Locator(".service-pods-summary")).ToHaveTextAsync("Selects app=web: 3 pods, 3 ready.", new() { Timeout = 60_000 });
        await Expect(map.Locator(".service-empty")).ToHaveCountAsync(0);
        var lines = map.Locator("svg.map-lines path.map-line[data-service='svc-default-web']");
        await Expect(lines).ToHaveCountAsync(3, Live);
        await Expect(lines.First).ToHaveAttributeAsync("d", new Regex(@"^M[\d.]+ [\d.]+ H-?[\d.]+ V[\d.]+ "));
        await page.WaitForFunctionAsync($"({CpuRequestedScript})() === 950");
        await Shot(page, "map-overview-1280x720-light.png");

        // The control plane says who did what: the scheduler bound the pods, the API server took the apply.
        var controlPlane = map.Locator(".cp-strip");
        await Expect(controlPlane.Locator(".cp-scheduler .cp-last")).ToContainTextAsync(new Regex(@"bind Pod default/web-\S+ to node-\d"), Slow);
        await Expect(controlPlane.Locator(".cp-api-server .cp-last")).ToContainTextAsync("kubectl: create Service default/web");
        await Expect(map.Locator(".node-card .agent-kubelet .agent-state").First).ToContainTextAsync(new Regex(@"^Ready · heartbeat \S+ ago$"));
        await Expect(map.Locator(".node-card .agent-proxy .agent-state").First).ToHaveTextAsync("Running 1/1 · routes 3 services");
        // The parts of a row are words apart for a screen reader too, not run together.
        await Expect(map.Locator(".node-card .agent-proxy").First).ToContainTextAsync(new Regex(@"kube-proxy\s+Running 1/1"));
        await Expect(card.Locator(".service-pod").First).ToContainTextAsync(new Regex(@"web-\S+\s+ready"));
        await Expect(map.Locator(".node-card .pod-chip", new() { HasText = "web-" }).First).ToContainTextAsync(new Regex(@"web-\S+\s+Running\s+1/1 ready"));

        // Focus (keyboard users) and hover (mouse users) both pick out the service's pods; the rest fades.
        await card.FocusAsync();
        await Expect(map.Locator(".pod-chip.is-linked")).ToHaveCountAsync(3);
        await Expect(map.Locator("svg.map-lines.has-active path.map-line.is-linked")).ToHaveCountAsync(3);
        await Expect(map.Locator(".pod-chip.is-linked .pod-name")).ToContainTextAsync([new Regex("^web-"), new Regex("^web-"), new Regex("^web-")]);
        await card.EvaluateAsync("card => card.scrollIntoView({ block: 'start' })");
        await Shot(page, "map-1280x720-light.png");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        await card.FocusAsync();
        await Expect(map.Locator(".pod-chip.is-linked")).ToHaveCountAsync(3);
        await card.EvaluateAsync("card => card.scrollIntoView({ block: 'start' })");
        await Shot(page, "map-1280x720-dark.png");
        await page.Locator("#tabpanel-cluster").EvaluateAsync("panel => panel.scrollTop = panel.scrollHeight");
        await Shot(page, "map-nodes-1280x720-dark.png");

        await card.EvaluateAsync("card => card.blur()");
        await page.Mouse.MoveAsync(0, 0);
        await Expect(map.Locator(".pod-chip.is-linked")).ToHaveCountAsync(0);
        await map.Locator(".node-card .pod-chip", new() { HasText = "web-" }).First.HoverAsync();
        await Expect(card).ToHaveClassAsync(new Regex(@"\bis-linked\b"));
        await Expect(map.Locator("svg.map-lines path.map-line.is-linked")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_pod_failing_its_readiness_probe_is_named_not_ready_and_its_line_is_dashed()
    {
        var (page, sandboxId, token) = await OpenSandboxAsync();
        await fixture.Server.KubectlOkAsync(sandboxId, token, "kubectl apply -f -", WebApp);
        var card = page.Locator(".service-card", new() { Has = page.Locator(".service-name:text-is('web')") });
        await Expect(card.Locator(".service-pods-summary")).ToHaveTextAsync("Selects app=web: 3 pods, 3 ready.", new() { Timeout = 60_000 });

        var sick = (await page.Locator(".node-card .pod-chip", new() { HasText = "web-" }).First.GetAttributeAsync("data-link-id"))!.Split('/')[1];
        await fixture.Server.KubectlOkAsync(sandboxId, token, $"kubectl annotate pod {sick} playground.k8s.io/failing-probes=readiness");

        await Expect(card.Locator(".service-pods-summary")).ToHaveTextAsync("Selects app=web: 3 pods, 2 ready, 1 not ready (no traffic).", new() { Timeout = 60_000 });
        await Expect(card.Locator(".service-pod.is-unready .service-pod-name")).ToHaveTextAsync(sick);
        await Expect(card.Locator(".service-pod.is-unready .service-pod-state")).ToHaveTextAsync("not ready");
        var chip = page.Locator($".node-card .pod-chip[data-link-id='default/{sick}']");
        await Expect(chip).ToHaveClassAsync(new Regex(@"\bpod-unready\b"));
        await Expect(chip.Locator(".pod-ready")).ToHaveTextAsync("0/1 ready");
        await Expect(page.Locator($"svg.map-lines path.map-line.is-unready[data-target='default/{sick}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("svg.map-lines path.map-line.is-ready[data-service='svc-default-web']")).ToHaveCountAsync(2);
        await chip.ScrollIntoViewIfNeededAsync();
        await Shot(page, "map-not-ready-1280x720-light.png");
    }
}
