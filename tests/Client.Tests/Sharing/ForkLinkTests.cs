using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Pages.Sharing;
using Playground.Client.Services;

namespace Playground.Client.Tests.Sharing;

/// <summary>A fork link's page: opening it names what would be copied and makes nothing; only its form's submit forks.</summary>
public sealed class ForkLinkTests : IAsyncLifetime
{
    private readonly Forks _forks = new();
    private readonly FakeNavigation _navigation = new();
    private LiveComponent<ForkLink>? _live;

    private async Task<LiveComponent<ForkLink>> OpenAsync(string token) =>
        _live = await LiveComponent<ForkLink>.RenderAsync(new Dictionary<string, object?> { ["Token"] = token }, services => services
            .AddSingleton<IForkGateway>(_forks).AddSingleton<NavigationManager>(_navigation));

    [Fact]
    public async Task Opening_the_link_says_what_the_copy_is_and_offers_one_button_in_a_form_with_its_antiforgery_token()
    {
        var root = await (await OpenAsync("good")).MarkupAsync();

        var main = root.Descendants("main").Single();
        Assert.Equal("Make your own copy of sandbox “broken rollout”", main.Element("h1")!.Text());
        Assert.Contains("You get sandbox abc123def456 as it is right now", main.Text());
        Assert.Contains("the two live on independently", main.Text());
        var form = main.Descendants("form").Single();
        Assert.Equal("post", (string?)form.Attribute("method"));
        Assert.Contains(form.Descendants("input"), i => (string?)i.Attribute("type") == "hidden" && (string?)i.Attribute("value") == TestAntiforgery.Token);
        var button = form.Descendants("button").Single();
        Assert.Equal(("submit", "Fork it"), ((string?)button.Attribute("type"), button.Text()));
        Assert.Empty(_forks.Forked);
        Assert.Null(_navigation.Went);
    }

    [Fact]
    public async Task Submitting_forks_once_and_opens_the_copy()
    {
        var live = await OpenAsync("good");

        await live.SubmitAsync((await live.MarkupAsync()).Descendants("main").Single().Descendants("form").Single());

        Assert.Equal(["good"], _forks.Forked);
        Assert.Equal("http://127.0.0.1:5080/s/copy00000001", _navigation.Went);
    }

    [Fact]
    public async Task A_link_that_does_not_work_says_so_and_offers_a_sandbox_of_ones_own()
    {
        var root = await (await OpenAsync("revoked")).MarkupAsync();

        var main = root.Descendants("main").Single();
        Assert.Equal("Link not found", main.Element("h1")!.Text());
        Assert.Contains("it was revoked, or its sandbox was deleted", main.Text());
        var form = main.Descendants("form").Single();
        Assert.Equal(("/new", "Start a sandbox of your own"), ((string?)form.Attribute("action"), form.Element("button")!.Text()));
    }

    [Fact]
    public async Task A_link_revoked_after_the_page_opened_is_said_when_the_fork_finds_it_gone()
    {
        var live = await OpenAsync("good");
        _forks.Revoked = true;

        await live.SubmitAsync((await live.MarkupAsync()).Descendants("main").Single().Descendants("form").Single());

        Assert.Equal("Link not found", (await live.MarkupAsync()).Descendants("h1").Single().Text());
        Assert.Null(_navigation.Went);
    }

    [Fact]
    public async Task A_fork_refused_by_a_limit_says_why_and_leads_to_My_sandboxes()
    {
        var live = await OpenAsync("good");
        _forks.Refusal = "exceeded quota: sandboxes-per-visitor, requested: sandboxes=1, used: sandboxes=50, limited: sandboxes=50";

        await live.SubmitAsync((await live.MarkupAsync()).Descendants("main").Single().Descendants("form").Single());

        var main = (await live.MarkupAsync()).Descendants("main").Single();
        Assert.Equal("Too many sandboxes", main.Element("h1")!.Text());
        Assert.Contains("No copy was made: exceeded quota: sandboxes-per-visitor", main.Text());
        Assert.Equal("/sandboxes", (string?)main.Descendants("a").Single().Attribute("href"));
        Assert.Null(_navigation.Went);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }

    /// <summary>One fork link, "good", to sandbox abc123def456; every fork it makes is recorded.</summary>
    private sealed class Forks : IForkGateway
    {
        public List<string> Forked { get; } = [];
        public bool Revoked { get; set; }
        public string? Refusal { get; set; }

        public Task<ForkSource?> SourceAsync(string token) =>
            Task.FromResult(token == "good" && !Revoked ? new ForkSource("abc123def456", "broken rollout") : null);

        public Task<ForkOutcome> ForkAsync(string token)
        {
            if (token != "good" || Revoked) return Task.FromResult(new ForkOutcome(null));
            if (Refusal is not null) return Task.FromResult(new ForkOutcome(null, Refusal));
            Forked.Add(token);
            return Task.FromResult(new ForkOutcome($"copy{Forked.Count:D8}"));
        }
    }
}
