using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Playground.Client.Pages;
using Playground.Client.Services;
using Playground.Client.Tests.Classrooms;

namespace Playground.Client.Tests.Sharing;

public class MySandboxesTests
{
    private static Task<LiveComponent<MySandboxes>> RenderAsync(FakeOwner owner) =>
        LiveComponent<MySandboxes>.RenderAsync(new Dictionary<string, object?>(), services => services
            .AddSingleton<IMySandboxes>(owner).AddSingleton<IJSRuntime>(new RecordingJs()));

    private static FakeOwner TwoSandboxes() => new()
    {
        Sandboxes = { new MySandbox("aaaaaaaaaaaa", "first", FakeOwner.T0, FakeOwner.T0.AddHours(2)), new MySandbox("bbbbbbbbbbbb", "second", FakeOwner.T0, FakeOwner.T0) },
    };

    [Fact]
    public async Task Lists_each_sandbox_with_its_id_dates_and_an_open_link()
    {
        var page = await RenderAsync(TwoSandboxes());
        await using var _page = page;

        var rows = (await page.MarkupAsync()).WithClass("sandbox-row").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("first", rows[0].SingleWithClass("sandbox-name").Text());
        Assert.Contains("aaaaaaaaaaaa", rows[0].Text());
        Assert.Contains("2025-03-01 11:30 UTC", rows[0].Text());
        Assert.Equal("/s/aaaaaaaaaaaa", (string?)rows[0].SingleWithClass("sandbox-open").Attribute("href"));
    }

    [Fact]
    public async Task A_browser_without_sandboxes_is_told_so_and_can_create_one_as_the_header_does()
    {
        var page = await RenderAsync(new FakeOwner());
        await using var _page = page;
        var markup = await page.MarkupAsync();
        Assert.Contains("owns no sandbox yet", markup.SingleWithClass("sandbox-empty").Text());

        var create = markup.SingleWithClass("sandbox-create");
        Assert.Equal(("submit", "Create another sandbox"), ((string?)create.Attribute("type"), create.Text()));
        var form = create.Parent!;
        Assert.Equal(("post", "/new"), ((string?)form.Attribute("method"), (string?)form.Attribute("action")));
    }

    [Fact]
    public async Task Renaming_happens_in_place_and_can_be_cancelled_or_saved()
    {
        var owner = TwoSandboxes();
        var page = await RenderAsync(owner);
        await using var _page = page;
        await page.ClickAsync((await page.MarkupAsync()).WithClass("sandbox-rename-start").First());
        var form = (await page.MarkupAsync()).SingleWithClass("sandbox-rename");
        Assert.Equal("first", (string?)form.Element("input")!.Attribute("value"));
        Assert.Equal("New name for sandbox aaaaaaaaaaaa", (string?)form.Element("input")!.Attribute("aria-label"));

        await page.ClickAsync(form.SingleWithClass("sandbox-rename-cancel"));
        Assert.Empty((await page.MarkupAsync()).WithClass("sandbox-rename"));

        await page.ClickAsync((await page.MarkupAsync()).WithClass("sandbox-rename-start").First());
        await page.SubmitAsync((await page.MarkupAsync()).SingleWithClass("sandbox-rename"));
        var markup = await page.MarkupAsync();
        Assert.Empty(markup.WithClass("sandbox-rename"));
        Assert.Equal("Renamed aaaaaaaaaaaa to \"first\".", markup.SingleWithClass("sandbox-feedback").Text());
    }

    [Fact]
    public async Task Delete_and_reset_ask_first_and_say_what_was_done()
    {
        var owner = TwoSandboxes();
        var page = await RenderAsync(owner);
        await using var _page = page;

        await page.ClickAsync((await page.MarkupAsync()).WithClass("sandbox-delete").First());
        Assert.Empty(owner.Calls);
        var confirm = (await page.MarkupAsync()).SingleWithClass("sandbox-confirm");
        Assert.Contains("Delete for good", confirm.Text());
        await page.ClickAsync(confirm.SingleWithClass("sandbox-confirm-yes"));

        var markup = await page.MarkupAsync();
        Assert.Equal(["delete aaaaaaaaaaaa"], owner.Calls);
        Assert.Single(markup.WithClass("sandbox-row"));
        Assert.Equal("Deleted \"first\".", markup.SingleWithClass("sandbox-feedback").Text());

        await page.ClickAsync(markup.SingleWithClass("sandbox-reset"));
        await page.ClickAsync((await page.MarkupAsync()).SingleWithClass("sandbox-confirm-no"));
        Assert.Equal(["delete aaaaaaaaaaaa"], owner.Calls);
        await page.ClickAsync((await page.MarkupAsync()).SingleWithClass("sandbox-reset"));
        await page.ClickAsync((await page.MarkupAsync()).SingleWithClass("sandbox-confirm-yes"));
        Assert.Equal(["delete aaaaaaaaaaaa", "reset bbbbbbbbbbbb"], owner.Calls);
    }
}
