using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Playground.Client.Services;
using Playground.Client.Sharing;
using Playground.Client.Tests.Classrooms;

namespace Playground.Client.Tests.Sharing;

public class ShareMenuTests
{
    private static Task<LiveComponent<ShareMenu>> RenderAsync(FakeOwner owner, RecordingJs? js = null) =>
        LiveComponent<ShareMenu>.RenderAsync(new Dictionary<string, object?> { ["SandboxId"] = "abc123" }, services => services
            .AddSingleton<IShareGateway>(owner).AddSingleton<NavigationManager>(new FakeNavigation()).AddSingleton<IJSRuntime>(js ?? new RecordingJs()));

    [Fact]
    public async Task The_share_button_opens_a_dialog_that_says_when_there_are_no_links()
    {
        await using var menu = await RenderAsync(new FakeOwner());
        var toggle = (await menu.MarkupAsync()).SingleWithClass("share-toggle");
        Assert.Equal("false", (string?)toggle.Attribute("aria-expanded"));
        Assert.Empty((await menu.MarkupAsync()).WithClass("share-panel"));

        await menu.ClickAsync(toggle);

        var markup = await menu.MarkupAsync();
        Assert.Equal("true", (string?)markup.SingleWithClass("share-toggle").Attribute("aria-expanded"));
        var panel = markup.SingleWithClass("share-panel");
        Assert.Equal("dialog", (string?)panel.Attribute("role"));
        Assert.Contains("No links yet", panel.SingleWithClass("share-empty").Text());
    }

    [Fact]
    public async Task A_new_view_link_shows_its_full_address_once_with_a_copy_button_and_joins_the_list()
    {
        var js = new RecordingJs();
        await using var menu = await RenderAsync(new FakeOwner(), js);
        await menu.ClickAsync((await menu.MarkupAsync()).SingleWithClass("share-toggle"));

        await menu.ClickAsync((await menu.MarkupAsync()).SingleWithClass("share-create-view"));

        var markup = await menu.MarkupAsync();
        Assert.Equal("http://127.0.0.1:5080/view/secret-token-link00000001", (string?)markup.SingleWithClass("share-url").Attribute("value"));
        Assert.Contains("shown only this once", markup.SingleWithClass("share-created").Text());
        Assert.Equal("Created a view link link0000.", markup.SingleWithClass("share-feedback").Text());
        var link = Assert.Single(markup.WithClass("share-link"));
        Assert.Contains("view", link.SingleWithClass("share-access").Text());
        Assert.Contains("2025-03-01 09:30 UTC", link.Text());
        // The list never holds the token: only the link's id.
        Assert.DoesNotContain("secret-token", link.ToString());

        await menu.ClickAsync(markup.SingleWithClass("share-copy"));
        Assert.Equal(("navigator.clipboard.writeText", "http://127.0.0.1:5080/view/secret-token-link00000001"), (js.Calls[^1].Identifier, js.Calls[^1].Args[0]));
        Assert.Equal("Copied the link to the clipboard.", (await menu.MarkupAsync()).SingleWithClass("share-feedback").Text());
    }

    [Fact]
    public async Task Revoking_a_link_removes_it_says_so_and_hides_its_address()
    {
        var owner = new FakeOwner();
        await using var menu = await RenderAsync(owner);
        await menu.ClickAsync((await menu.MarkupAsync()).SingleWithClass("share-toggle"));
        await menu.ClickAsync((await menu.MarkupAsync()).SingleWithClass("share-create-fork"));

        var revoke = (await menu.MarkupAsync()).SingleWithClass("share-revoke");
        Assert.Equal("Revoke fork link link0000", (string?)revoke.Attribute("aria-label"));
        await menu.ClickAsync(revoke);

        var markup = await menu.MarkupAsync();
        Assert.Empty(owner.Links);
        Assert.Empty(markup.WithClass("share-link"));
        Assert.Empty(markup.WithClass("share-url"));
        Assert.StartsWith("Revoked the fork link link0000: it stops working at once", markup.SingleWithClass("share-feedback").Text());
    }

    [Fact]
    public async Task A_list_that_cannot_be_loaded_says_why()
    {
        await using var menu = await RenderAsync(new FakeOwner { FailListing = true });
        await menu.ClickAsync((await menu.MarkupAsync()).SingleWithClass("share-toggle"));

        var problem = (await menu.MarkupAsync()).SingleWithClass("share-empty");
        Assert.Equal("alert", (string?)problem.Attribute("role"));
        Assert.Equal("The links could not be loaded: the server is restarting", problem.Text());
    }
}
