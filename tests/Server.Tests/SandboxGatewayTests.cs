using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Playground.Client.Services;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Server.KubeApi;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;

namespace Playground.Server.Tests;

/// <summary>The workspace's gateway as a circuit uses it: the visitor's cookies decide which sandboxes it may open.</summary>
public sealed class SandboxGatewayTests : IAsyncLifetime
{
    private readonly ShareRevocations _revocations = new();
    private TenantRateLimiter _limiter = null!;
    private TempDatabase _database = null!;
    private SandboxRegistry _registry = null!;
    private ShareLinks _links = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _registry = new SandboxRegistry(_database.Databases, Options.Create(new PlaygroundOptions { ClockSpeed = 60 }),
            TimeProvider.System, NullLogger<SandboxRegistry>.Instance);
        _links = new ShareLinks(_database.Databases, _revocations, TimeProvider.System);
        _limiter = new TenantRateLimiter(Options.Create(new PlaygroundOptions()), _registry);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _database.DisposeAsync();
        _limiter.Dispose();
    }

    [Fact]
    public async Task A_visitor_opens_only_the_sandboxes_whose_cookies_it_holds()
    {
        var mine = await _registry.CreateAsync();
        var other = await _registry.CreateAsync();
        var gateway = GatewayFor($"pg.sbx.{mine.Id}={mine.Token}; pg.sbx.{other.Id}=not-its-token");

        Assert.True(await gateway.CanOpenAsync(mine.Id));
        Assert.False(await gateway.CanOpenAsync(other.Id));
        Assert.False(await gateway.CanOpenAsync("zzzzzzzzzzzz"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => gateway.RunKubectlAsync(other.Id, "kubectl get pods"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => gateway.GetSnapshotAsync(other.Id));
    }

    [Fact]
    public async Task The_cookies_read_when_the_circuit_opened_keep_working_without_a_request()
    {
        var sandbox = await _registry.CreateAsync();
        var accessor = new HttpContextAccessor { HttpContext = Request($"pg.sbx.{sandbox.Id}={sandbox.Token}") };
        var cookies = new VisitorCookies(accessor);
        await new CaptureVisitorCookies(cookies).OnCircuitOpenedAsync(null!, CancellationToken.None);
        accessor.HttpContext = null;

        var result = await Gateway(cookies).RunKubectlAsync(sandbox.Id, "kubectl get namespaces");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kube-system", result.Output);
    }

    [Fact]
    public async Task A_snapshot_then_a_subscription_from_its_revision_sees_every_later_write_once_in_order()
    {
        var sandbox = await _registry.CreateAsync();
        var gateway = GatewayFor($"pg.sbx.{sandbox.Id}={sandbox.Token}");
        var snapshot = await gateway.GetSnapshotAsync(sandbox.Id);
        var received = new List<WriteRecord>();
        var deployment = new TaskCompletionSource();

        using var subscription = gateway.Subscribe(sandbox.Id, snapshot.Revision, batch =>
        {
            lock (received) received.AddRange(batch);
            if (batch.Any(w => w.Kind == "Deployment")) deployment.TrySetResult();
            return Task.CompletedTask;
        });
        await gateway.RunKubectlAsync(sandbox.Id, "kubectl create deployment web --image=nginx");
        await deployment.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(snapshot.Objects, o => o.Kind == "Namespace" && o.Metadata.Name == "kube-system");
        lock (received)
        {
            Assert.Equal(Enumerable.Range(1, received.Count).Select(i => snapshot.Revision + i), received.Select(w => w.Revision));
            Assert.Contains(received, w => w is { Kind: "Deployment", Actor: "kubectl", Type: WriteType.Added });
        }
    }

    [Fact]
    public async Task A_view_link_cookie_reads_and_watches_but_every_write_is_refused_plainly()
    {
        var sandbox = await _registry.CreateAsync();
        var view = await _links.CreateAsync(sandbox.Id, "view", new Uri("http://127.0.0.1"));
        var gateway = GatewayFor($"pg.sbx.{sandbox.Id}={view.Token}");
        // A paused clock makes no writes of its own, so any change of revision would be the viewer's.
        await GatewayFor($"pg.sbx.{sandbox.Id}={sandbox.Token}").ChangeClockAsync(sandbox.Id, new ClockChange(null, true, null));
        var revision = (await gateway.GetSnapshotAsync(sandbox.Id)).Revision;

        Assert.Equal(SandboxAccess.Viewer, await gateway.AccessAsync(sandbox.Id));
        Assert.Equal(SandboxAccess.Owner, await GatewayFor($"pg.sbx.{sandbox.Id}={sandbox.Token}").AccessAsync(sandbox.Id));
        Assert.Equal(SandboxAccess.None, await GatewayFor("").AccessAsync(sandbox.Id));
        Assert.Equal(0, (await gateway.RunKubectlAsync(sandbox.Id, "kubectl get nodes")).ExitCode);
        var refused = await gateway.RunKubectlAsync(sandbox.Id, "kubectl apply -f -", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        Assert.Equal((1, $"error: this is a read-only view of sandbox {sandbox.Id}: kubectl apply changes the cluster and is not allowed here\n"), (refused.ExitCode, refused.Output));
        var clock = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => gateway.ChangeClockAsync(sandbox.Id, new ClockChange(null, true, null)));
        Assert.Equal($"this is a read-only view of sandbox {sandbox.Id}: changing its clock is for its owner only", clock.Message);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => gateway.InjectFaultAsync(sandbox.Id, new Fault("fail-node", "node-1", null, null, null, null)));
        Assert.Equal(revision, (await gateway.GetSnapshotAsync(sandbox.Id)).Revision);
        Assert.True((await gateway.GetClockAsync(sandbox.Id)).Paused);
    }

    [Fact]
    public async Task A_page_open_through_a_view_link_hears_at_once_that_the_link_was_revoked()
    {
        var sandbox = await _registry.CreateAsync();
        var view = await _links.CreateAsync(sandbox.Id, "view", new Uri("http://127.0.0.1"));
        var gateway = GatewayFor($"pg.sbx.{sandbox.Id}={view.Token}");
        var ended = new TaskCompletionSource<SandboxStreamEnd>();
        var first = new TaskCompletionSource();
        using var subscription = gateway.Subscribe(sandbox.Id, 0, _ => { first.TrySetResult(); return Task.CompletedTask; }, onEnded: reason =>
        {
            ended.TrySetResult(reason);
            return Task.CompletedTask;
        });
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(await _links.RevokeAsync(sandbox.Id, view.Id));

        Assert.Equal(SandboxStreamEnd.Revoked, await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await gateway.CanOpenAsync(sandbox.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => gateway.GetSnapshotAsync(sandbox.Id));
    }

    [Fact]
    public async Task A_page_hears_that_its_sandbox_was_reset()
    {
        var sandbox = await _registry.CreateAsync();
        var gateway = GatewayFor($"pg.sbx.{sandbox.Id}={sandbox.Token}");
        var ended = new TaskCompletionSource<SandboxStreamEnd>();
        var revision = (await gateway.GetSnapshotAsync(sandbox.Id)).Revision;
        using var subscription = gateway.Subscribe(sandbox.Id, revision, _ => Task.CompletedTask, onEnded: reason =>
        {
            ended.TrySetResult(reason);
            return Task.CompletedTask;
        });
        await gateway.RunKubectlAsync(sandbox.Id, "kubectl create configmap gone-after-reset");

        Assert.True(await _registry.ResetAsync(sandbox.Id));

        Assert.Equal(SandboxStreamEnd.Reset, await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var snapshot = await gateway.GetSnapshotAsync(sandbox.Id);
        Assert.True(snapshot.Revision > revision);
        Assert.DoesNotContain(snapshot.Objects, o => o.Metadata.Name == "gone-after-reset");
    }

    /// <summary>Captures the cookies at once, as a circuit does when it opens: the accessor's context is shared by the whole async flow.</summary>
    private SandboxGateway GatewayFor(string cookieHeader)
    {
        var cookies = new VisitorCookies(new HttpContextAccessor { HttpContext = Request(cookieHeader) });
        cookies.Capture();
        return Gateway(cookies);
    }

    // The configured Kubernetes API address has a port, so the server is never asked for the one it bound.
    private SandboxGateway Gateway(VisitorCookies cookies) => new(new SandboxAccessControl(_registry, _database.Databases), cookies, _revocations,
        new KubeApiAddress(Options.Create(new PlaygroundOptions { KubernetesApiUrl = "https://127.0.0.1:6443" }), null!), _limiter, NullLogger<SandboxGateway>.Instance);

    private static DefaultHttpContext Request(string cookieHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        return context;
    }
}
