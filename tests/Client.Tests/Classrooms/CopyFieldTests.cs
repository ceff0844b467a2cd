using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Playground.Client.Classrooms;

namespace Playground.Client.Tests.Classrooms;

/// <summary>A link with a Copy button: what the button copies, and what the status line says when copying works or is refused.</summary>
public sealed class CopyFieldTests
{
    private static Task<LiveComponent<CopyField>> RenderAsync(RecordingJs js) =>
        LiveComponent<CopyField>.RenderAsync(new Dictionary<string, object?>
        {
            ["Id"] = "join-link", ["Label"] = "Join link", ["Value"] = "http://127.0.0.1:5080/join/c1?code=abc", ["Help"] = "Give it to your students.",
        }, services => services.AddSingleton<IJSRuntime>(js));

    [Fact]
    public async Task The_link_is_a_labelled_read_only_field_and_copy_puts_it_on_the_clipboard_and_says_so()
    {
        var js = new RecordingJs();
        await using var live = await RenderAsync(js);
        var root = await live.MarkupAsync();
        var input = root.Descendants("input").Single();
        Assert.Equal(("join-link", "", "join-link-help"), ((string?)input.Attribute("id"), (string?)input.Attribute("readonly"), (string?)input.Attribute("aria-describedby")));
        Assert.Equal("Join link", root.Descendants("label").Single(l => (string?)l.Attribute("for") == "join-link").Text());

        await live.ClickAsync(root.SingleWithClass("copy-button"));

        Assert.Equal(("navigator.clipboard.writeText", "http://127.0.0.1:5080/join/c1?code=abc"), (js.Calls.Single().Identifier, (string?)js.Calls.Single().Args[0]));
        var status = (await live.MarkupAsync()).SingleWithClass("copy-feedback");
        Assert.Equal(("status", "Copied the join link."), ((string?)status.Attribute("role"), status.Text()));
    }

    [Fact]
    public async Task A_browser_that_refuses_the_clipboard_gets_told_to_copy_by_hand()
    {
        await using var live = await RenderAsync(new RecordingJs { Fail = true });

        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("copy-button"));

        Assert.Equal("This browser did not allow copying: select the link and copy it yourself.", (await live.MarkupAsync()).SingleWithClass("copy-feedback").Text());
    }
}
