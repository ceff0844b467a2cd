using System.Reflection;
using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class ClusterFeedTests
{
    private static WriteRecord Added(long revision, KubeObject obj) =>
        new(revision, WriteType.Added, new ObjectKey("pods", "default", obj.Metadata.Name!), obj.Kind, obj, "{}", "kubectl", null, T0);

    /// <summary>
    /// The sandbox as the feed sees it through the gateway: a snapshot to load and a stream to follow, whose writes, gaps
    /// and ends the test sends. Only those two calls are answered (a proxy, so the gateway's other members need no stubs).
    /// </summary>
    public class Sandbox : DispatchProxy
    {
        public List<long> SubscribedAfter { get; } = [];
        public ClusterSnapshot Snapshot { get; set; } = new(1, T0, []);
        public Exception? SnapshotFails { get; set; }
        public Func<IReadOnlyList<WriteRecord>, Task> Writes { get; private set; } = null!;
        public Func<Task> Gap { get; private set; } = null!;
        public Func<SandboxStreamEnd, Task> Ended { get; private set; } = null!;
        public int Unsubscribed { get; private set; }

        public static (ISandboxGateway Gateway, Sandbox Sandbox) Create()
        {
            var gateway = Create<ISandboxGateway, Sandbox>();
            return (gateway, (Sandbox)(object)gateway);
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            switch (method?.Name)
            {
                case nameof(ISandboxGateway.GetSnapshotAsync):
                    return SnapshotFails is { } failure ? Task.FromException<ClusterSnapshot>(failure) : Task.FromResult(Snapshot);
                case nameof(ISandboxGateway.Subscribe):
                    SubscribedAfter.Add((long)args![1]!);
                    (Writes, Gap, Ended) = ((Func<IReadOnlyList<WriteRecord>, Task>)args[2]!, (Func<Task>)args[3]!, (Func<SandboxStreamEnd, Task>)args[4]!);
                    return new Unsubscriber(() => Unsubscribed++);
                default:
                    throw new NotSupportedException($"the feed has no business calling {method?.Name}");
            }
        }

        private sealed class Unsubscriber(Action dispose) : IDisposable
        {
            public void Dispose() => dispose();
        }
    }

    /// <summary>A feed whose dispatcher runs work at once and counts the renders it asks for.</summary>
    private sealed class Page
    {
        private TaskCompletionSource rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Page()
        {
            (var gateway, Sandbox) = Sandbox.Create();
            Feed = new ClusterFeed(gateway, "abc123", Cluster, async work =>
            {
                await work();
                rendered.TrySetResult();
            }, TimeSpan.FromMilliseconds(10));
        }

        public Sandbox Sandbox { get; }
        public LiveCluster Cluster { get; } = new();
        public ClusterFeed Feed { get; }

        /// <summary>From here on, <see cref="Rendered"/> waits for the next time the feed asks the page to render.</summary>
        public void ExpectRender() => rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Rendered => rendered.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task It_loads_the_snapshot_then_follows_the_writes_after_it()
    {
        var page = new Page();
        page.Sandbox.Snapshot = new ClusterSnapshot(7, T0, [Pod("a")]);

        await page.Feed.StartAsync();
        page.ExpectRender();
        await page.Sandbox.Writes([Added(8, Pod("b"))]);
        await page.Rendered;

        Assert.Equal([7L], page.Sandbox.SubscribedAfter);
        Assert.Equal(["a", "b"], page.Cluster.Pods.Select(p => p.Metadata.Name).Order());
        Assert.Equal(8, page.Cluster.Revision);
    }

    [Fact]
    public async Task Missed_writes_reload_the_snapshot_so_an_object_deleted_meanwhile_disappears()
    {
        var page = new Page();
        page.Sandbox.Snapshot = new ClusterSnapshot(7, T0, [Pod("a"), Pod("gone")]);
        await page.Feed.StartAsync();

        // "gone" was deleted in writes the stream could no longer deliver: only a new snapshot can say so.
        page.Sandbox.Snapshot = new ClusterSnapshot(2000, T0.AddMinutes(5), [Pod("a"), Pod("new")]);
        page.ExpectRender();
        await page.Sandbox.Gap();
        await page.Rendered;

        Assert.Equal(["a", "new"], page.Cluster.Pods.Select(p => p.Metadata.Name).Order());
        Assert.Equal([7L, 2000L], page.Sandbox.SubscribedAfter);
        Assert.Equal(1, page.Sandbox.Unsubscribed);
        Assert.Equal((1, false, null), (page.Feed.Resyncs, page.Feed.WasReset, page.Feed.Problem));

        // Writes from the new subscription apply on top of the new snapshot.
        page.ExpectRender();
        await page.Sandbox.Writes([Added(2001, Pod("later"))]);
        await page.Rendered;
        Assert.Contains(page.Cluster.Pods, p => p.Metadata.Name == "later");
    }

    [Fact]
    public async Task A_reset_reloads_too_and_says_it_was_a_reset()
    {
        var page = new Page();
        await page.Feed.StartAsync();

        await page.Sandbox.Ended(SandboxStreamEnd.Reset);

        Assert.Equal((1, true), (page.Feed.Resyncs, page.Feed.WasReset));
        Assert.Equal(2, page.Sandbox.SubscribedAfter.Count);
        Assert.Null(page.Feed.Ended);
    }

    [Fact]
    public async Task A_deleted_sandbox_ends_the_feed_and_a_failed_reload_is_kept_as_a_problem_not_thrown()
    {
        var page = new Page();
        await page.Feed.StartAsync();

        page.Sandbox.SnapshotFails = new UnauthorizedAccessException("sandboxes \"abc123\" not found");
        await page.Sandbox.Gap();
        Assert.Equal("sandboxes \"abc123\" not found", page.Feed.Problem);
        Assert.Equal(0, page.Feed.Resyncs);

        await page.Sandbox.Ended(SandboxStreamEnd.Deleted);
        Assert.Equal(SandboxStreamEnd.Deleted, page.Feed.Ended);
    }

    [Fact]
    public async Task After_the_page_is_gone_nothing_more_is_applied_or_reloaded()
    {
        var page = new Page();
        page.Sandbox.Snapshot = new ClusterSnapshot(7, T0, [Pod("a")]);
        await page.Feed.StartAsync();

        page.Feed.Dispose();
        page.ExpectRender();
        await page.Sandbox.Writes([Added(8, Pod("b"))]);
        await page.Rendered;
        await page.Sandbox.Gap();

        Assert.Equal(1, page.Sandbox.Unsubscribed);
        Assert.Equal([7L], page.Sandbox.SubscribedAfter);
        Assert.Equal(["a"], page.Cluster.Pods.Select(p => p.Metadata.Name));
    }
}
