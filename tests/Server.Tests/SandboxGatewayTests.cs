using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Playground.Core.Storage;
using Playground.Server.Sandboxes;

namespace Playground.Server.Tests;

/// <summary>The workspace's gateway as a circuit uses it: the visitor's cookies decide which sandboxes it may open.</summary>
public sealed class SandboxGatewayTests : IAsyncLifetime
{
    private TempDatabase _database = null!;
    private SandboxRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _registry = new SandboxRegistry(_database.Databases, Options.Create(new PlaygroundOptions { ClockSpeed = 60 }),
            TimeProvider.System, NullLogger<SandboxRegistry>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _database.DisposeAsync();
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

        var result = await new SandboxGateway(_registry, cookies, NullLogger<SandboxGateway>.Instance).RunKubectlAsync(sandbox.Id, "kubectl get namespaces");

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

    private SandboxGateway GatewayFor(string cookieHeader) =>
        new(_registry, new VisitorCookies(new HttpContextAccessor { HttpContext = Request(cookieHeader) }), NullLogger<SandboxGateway>.Instance);

    private static DefaultHttpContext Request(string cookieHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = cookieHeader;
        return context;
    }
}
