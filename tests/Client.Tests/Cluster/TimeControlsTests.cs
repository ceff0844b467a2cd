using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Cluster;
using Playground.Client.Services;

namespace Playground.Client.Tests.Cluster;

/// <summary>The clock bar as a person uses it: its state and speed, Pause, Step, Run until settled, and what each says it did.</summary>
public sealed class TimeControlsTests : IAsyncLifetime
{
    private readonly ClusterGateway _gateway = new();
    private LiveComponent<TimeControls>? _live;

    private async Task<LiveComponent<TimeControls>> RenderAsync(string sandboxId = "s1")
    {
        _live = await LiveComponent<TimeControls>.RenderAsync(
            new Dictionary<string, object?> { ["SandboxId"] = sandboxId, ["Revision"] = 0L },
            services => services.AddSingleton<ISandboxGateway>(_gateway));
        return _live;
    }

    private static XElement Button(XElement root, string cssClass) => root.SingleWithClass(cssClass);

    private static string Status(XElement root) => Assert.Single(root.Descendants(), e => (string?)e.Attribute("role") == "status").Text();

    private static string Revision(XElement root) => root.SingleWithClass("revision").Text();

    [Fact]
    public async Task It_shows_the_clock_running_its_speed_among_0_25x_to_60x_and_each_action_by_name()
    {
        var root = await (await RenderAsync()).MarkupAsync();

        Assert.Equal("Running at 1×", root.SingleWithClass("clock-state").Text());
        var toggle = Button(root, "time-toggle");
        Assert.Equal(("Pause", "Pause the simulated clock", "false"), (toggle.Text(), (string?)toggle.Attribute("aria-label"), (string?)toggle.Attribute("aria-pressed")));
        Assert.Equal(("Step", "Step: run until one more write is stored, then pause"), (Button(root, "time-step").Text(), (string?)Button(root, "time-step").Attribute("aria-label")));
        Assert.Equal("Run until settled", Button(root, "time-settle").Text());
        Assert.All(root.Descendants("button"), b => Assert.Equal(("button", "false"), ((string?)b.Attribute("type"), (string?)b.Attribute("aria-disabled"))));

        var speed = Assert.Single(root.Descendants("select"));
        Assert.Equal("Speed", root.Descendants("label").Single(l => (string?)l.Attribute("for") == (string?)speed.Attribute("id")).Text());
        Assert.Equal(["0.25×", "0.5×", "1×", "2×", "5×", "10×", "30×", "60×"], speed.Elements("option").Select(o => o.Text()));
        Assert.Equal("1×", speed.Elements("option").Single(o => o.Attribute("selected") is not null).Text());
        Assert.Equal(_gateway.Cluster.Store.Revision.ToString(), Revision(root));
        Assert.Equal("", Status(root));
    }

    [Fact]
    public async Task Pause_is_a_toggle_pressed_while_time_stands_still_and_each_press_says_what_it_did()
    {
        var live = await RenderAsync();

        await live.ClickAsync(Button(await live.MarkupAsync(), "time-toggle"));
        var root = await live.MarkupAsync();
        Assert.Equal("true", (string?)Button(root, "time-toggle").Attribute("aria-pressed"));
        Assert.Equal("Paused", root.SingleWithClass("clock-state").Text());
        Assert.Equal("Paused: simulated time stands still. Step runs it one write at a time.", Status(root));
        Assert.True(_gateway.Cluster.Paused);

        await live.ClickAsync(Button(root, "time-toggle"));
        root = await live.MarkupAsync();
        Assert.Equal("false", (string?)Button(root, "time-toggle").Attribute("aria-pressed"));
        Assert.Equal("Resumed at 1×.", Status(root));
        Assert.False(_gateway.Cluster.Paused);
    }

    [Fact]
    public async Task Each_step_stores_exactly_one_write_and_says_which_actor_wrote_what()
    {
        _gateway.Cluster.Paused = true;
        _gateway.Kubectl("kubectl create deployment web --image=nginx --replicas=2");
        var live = await RenderAsync();
        var steps = new List<string>();

        for (var i = 0; i < 8; i++)
        {
            var before = _gateway.Cluster.Store.Revision;
            await live.ClickAsync(Button(await live.MarkupAsync(), "time-step"));
            var root = await live.MarkupAsync();
            Assert.Equal(before + 1, _gateway.Cluster.Store.Revision);
            Assert.Equal((before + 1).ToString(), Revision(root));
            Assert.Matches($@"^Step: \S+ → (create|update|bind|delete) \S+ .+ \(revision {before + 1}\), \S+ later\. Paused\.$", Status(root));
            steps.Add(Status(root));
        }
        // A rollout's first writes: the deployment controller makes the ReplicaSet, which makes the pods.
        Assert.StartsWith("Step: deployment-controller → create ReplicaSet default/web-", steps[0]);
        Assert.Contains(steps, s => s.StartsWith("Step: replicaset-controller → create Pod default/web-", StringComparison.Ordinal));
        Assert.Equal("Paused", (await live.MarkupAsync()).SingleWithClass("clock-state").Text());
    }

    [Fact]
    public async Task Run_until_settled_shows_it_is_busy_and_takes_no_other_action_until_it_is_done()
    {
        _gateway.Cluster.Paused = true;
        _gateway.Kubectl("kubectl create deployment web --image=nginx --replicas=2");
        var live = await RenderAsync();
        var hold = new TaskCompletionSource();
        _gateway.Hold = hold;

        var settling = live.ClickAsync(Button(await live.MarkupAsync(), "time-settle"));
        var busy = await live.MarkupAsync();
        Assert.Equal("true", (string?)busy.Elements().Single().Attribute("aria-busy"));
        Assert.All(busy.Descendants("button"), b => Assert.Equal("true", (string?)b.Attribute("aria-disabled")));
        Assert.Single(Button(busy, "time-settle").WithClass("spinner-border"));
        Assert.Equal("Running until the cluster settles…", Status(busy));
        var revision = _gateway.Cluster.Store.Revision;
        await live.ClickAsync(Button(busy, "time-step"));
        Assert.Equal(revision, _gateway.Cluster.Store.Revision);

        hold.SetResult();
        await settling;
        var done = await live.MarkupAsync();
        Assert.Matches($@"^Settled after \S+ of simulated time: \d+ writes, now idle \(revision {_gateway.Cluster.Store.Revision}\)\.$", Status(done));
        Assert.Equal(2, _gateway.Cluster.Api.List<Core.Api.Core.Pod>("default").Count(p => p.Status?.Phase == "Running"));
        Assert.Equal("false", (string?)Button(done, "time-settle").Attribute("aria-disabled"));
        Assert.Empty(Button(done, "time-settle").WithClass("spinner-border"));
    }

    [Fact]
    public async Task Choosing_a_speed_sets_it_and_says_so()
    {
        var live = await RenderAsync();

        await live.ChooseAsync(Assert.Single((await live.MarkupAsync()).Descendants("select")), "60");
        var root = await live.MarkupAsync();

        Assert.Equal("Speed set to 60×.", Status(root));
        Assert.Equal("Running at 60×", root.SingleWithClass("clock-state").Text());
        Assert.Equal("60×", root.Descendants("option").Single(o => o.Attribute("selected") is not null).Text());
    }

    [Fact]
    public async Task A_clock_that_cannot_be_reached_is_said_in_words_with_what_to_do()
    {
        var root = await (await RenderAsync("gone")).MarkupAsync();

        Assert.Equal("Clock unavailable", root.SingleWithClass("clock-state").Text());
        Assert.Empty(root.Descendants("button"));
        var status = Assert.Single(root.Descendants(), e => (string?)e.Attribute("role") == "status");
        Assert.True(status.HasClass("time-feedback-error"));
        Assert.Equal("Error: The clock could not be read: sandboxes \"gone\" not found. Reload the page to try again.", status.Text());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }
}
