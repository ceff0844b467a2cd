using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Playground.Server.Sandboxes;

namespace Playground.Server.Tests;

/// <summary>Idle sandboxes leave memory and come back on the next request as they were, without the caller noticing.</summary>
public sealed class HibernationTests : IAsyncLifetime
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MovableTime _time = new();
    private TempDatabase _database = null!;
    private SandboxRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _database = await TempDatabase.CreateAsync();
        _registry = new SandboxRegistry(_database.Databases, Options.Create(new PlaygroundOptions { ClockSpeed = 60, HibernateAfter = Idle }),
            _time, NullLogger<SandboxRegistry>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_idle_sandbox_is_unloaded_and_the_next_request_finds_the_same_revision_objects_and_clock()
    {
        var created = await _registry.CreateAsync();
        var sandbox = (await _registry.LoadAsync(created.Id))!;
        await sandbox.RunAsync(c => c.Kubectl("kubectl create deployment web --image=nginx"));
        await sandbox.ChangeClockAsync(new(null, Paused: true, null, null, Settle: true));
        var before = await sandbox.RunAsync(c => (c.Store.Revision, c.Clock.Now, Objects: c.Store.All().Select(r => $"{r.Key} {r.Revision}").Order().ToList()));

        _time.Move(Idle - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _registry.HibernateIdleAsync());
        _time.Move(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _registry.HibernateIdleAsync());

        Assert.Null(_registry.Loaded(created.Id));
        var woken = (await _registry.LoadAsync(created.Id))!;
        Assert.NotSame(sandbox, woken);
        var after = await woken.RunAsync(c => (c.Store.Revision, c.Clock.Now, Objects: c.Store.All().Select(r => $"{r.Key} {r.Revision}").Order().ToList()));
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Now, after.Now);
        Assert.Equal(before.Objects, after.Objects);
        Assert.True((await woken.ClockAsync()).Paused);
    }

    [Fact]
    public async Task A_caller_still_holding_the_unloaded_sandbox_is_served_by_the_restored_one()
    {
        var created = await _registry.CreateAsync();
        var stale = (await _registry.LoadAsync(created.Id))!;
        _time.Move(Idle);
        Assert.Equal(1, await _registry.HibernateIdleAsync());

        var result = await stale.RunAsync(c => c.Kubectl("kubectl create configmap late"));
        var clock = await stale.ClockAsync();

        Assert.Equal(0, result.ExitCode);
        var current = _registry.Loaded(created.Id)!;
        Assert.NotSame(stale, current);
        Assert.Equal(clock.Revision, await current.RunAsync(c => c.Store.Revision));
        Assert.Contains("late", (await current.RunAsync(c => c.Kubectl("kubectl get configmaps"))).Output);
    }

    [Fact]
    public async Task An_open_subscription_keeps_a_sandbox_loaded_until_it_ends()
    {
        var created = await _registry.CreateAsync();
        var sandbox = (await _registry.LoadAsync(created.Id))!;
        var subscription = await sandbox.SubscribeAsync(await sandbox.RunAsync(c => c.Store.Revision));
        _time.Move(Idle * 3);

        Assert.Equal(0, await _registry.HibernateIdleAsync());
        Assert.Same(sandbox, _registry.Loaded(created.Id));

        subscription.Dispose();
        Assert.Equal(1, await _registry.HibernateIdleAsync());
    }

    [Fact]
    public async Task Each_request_restarts_the_idle_time()
    {
        var created = await _registry.CreateAsync();
        var sandbox = (await _registry.LoadAsync(created.Id))!;
        _time.Move(Idle / 2);
        var asked = _time.GetUtcNow();
        await sandbox.ClockAsync();
        _time.Move(Idle / 2);

        Assert.Equal(0, await _registry.HibernateIdleAsync());
        Assert.InRange(sandbox.LastActivity, asked, asked + TimeSpan.FromSeconds(5));
    }

    /// <summary>Real time that a test moves on: idle times pass at once, while the sandboxes' loops run as usual.</summary>
    private sealed class MovableTime : TimeProvider
    {
        private TimeSpan _offset;

        public void Move(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }
}

/// <summary>Hibernation as a visitor meets it: the real server unloads an idle sandbox and the next request brings it back.</summary>
public sealed class HibernationServerTests
{
    [Fact]
    public async Task The_server_unloads_an_idle_sandbox_and_wakes_it_on_the_next_request_with_its_objects_and_revision()
    {
        await using var server = await PlaygroundServer.StartAsync(extraArguments: ["--Playground:HibernateAfter", "00:00:01"]);
        var browser = new SandboxBrowser(server);
        var id = (await browser.OpenAsync("/"))["/s/".Length..];
        var token = browser[$"pg.sbx.{id}"]!;
        await server.KubectlOkAsync(id, token, "kubectl create configmap kept");
        await server.SendAsync(HttpMethod.Post, $"/api/sandboxes/{id}/clock", token, new { paused = true }).ExpectAsync(HttpStatusCode.OK);
        var revision = await server.RevisionAsync(id, token);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK))[0].GetProperty("hibernated").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "the sandbox was never unloaded");
            await Task.Delay(200);
        }

        Assert.Equal(revision, await server.RevisionAsync(id, token));
        Assert.Contains("kept", await server.KubectlOkAsync(id, token, "kubectl get configmaps"));
        Assert.False((await browser.SendAsync(HttpMethod.Get, "/api/sandboxes").ExpectAsync(HttpStatusCode.OK))[0].GetProperty("hibernated").GetBoolean());
    }
}
