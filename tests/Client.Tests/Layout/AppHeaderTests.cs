using System.Xml.Linq;
using Playground.Client.Layout;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Layout;

public class AppHeaderTests
{
    private static Task<XElement> RenderAsync(string? sandboxId, DateTimeOffset? now) =>
        Markup.RenderAsync<AppHeader>(new Dictionary<string, object?> { ["SandboxId"] = sandboxId, ["Now"] = now });

    [Fact]
    public async Task An_open_sandbox_offers_its_kubeconfig_as_a_named_download()
    {
        var header = await RenderAsync("abc123", T0);

        var link = header.SingleWithClass("kubeconfig-download");
        Assert.Equal("a", link.Name.LocalName);
        Assert.Equal("/api/sandboxes/abc123/kubeconfig", (string?)link.Attribute("href"));
        Assert.Equal("playground-abc123.kubeconfig", (string?)link.Attribute("download"));
        Assert.Equal("Download kubeconfig for sandbox abc123", (string?)link.Attribute("aria-label"));
        // Words beside the icon, so the control never depends on recognising a glyph.
        Assert.Equal("Download kubeconfig", link.Text());
        Assert.Single(link.WithClass("bi-download"));
    }

    [Fact]
    public async Task The_help_button_opens_a_note_with_the_kubectl_command_and_the_API_address()
    {
        var header = await RenderAsync("abc123", T0);

        var toggle = header.SingleWithClass("kubeconfig-help-toggle");
        Assert.Equal(("button", "button"), (toggle.Name.LocalName, (string?)toggle.Attribute("type")));
        Assert.Equal("How to use the kubeconfig", (string?)toggle.Attribute("aria-label"));
        var help = header.SingleWithClass("kubeconfig-help");
        Assert.Equal((string?)help.Attribute("id"), (string?)toggle.Attribute("popovertarget"));
        Assert.NotNull(help.Attribute("popover"));
        Assert.Equal("kubectl --kubeconfig playground-abc123.kubeconfig get pods -A", help.SingleWithClass("kubeconfig-help-command").Text());
        Assert.Contains("https://127.0.0.1:6443/sandboxes/abc123 by default", help.Text());
    }

    [Fact]
    public async Task A_sandbox_that_is_not_open_offers_no_kubeconfig()
    {
        var header = await RenderAsync("nosuchsandbox", now: null);

        Assert.Empty(header.WithClass("kubeconfig"));
        Assert.Equal("nosuchsandbox", header.SingleWithClass("sandbox-id").Text());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc123")]
    public async Task New_sandbox_is_a_form_that_posts_to_new_with_its_antiforgery_token_and_new_classroom_a_link(string? sandboxId)
    {
        var header = await RenderAsync(sandboxId, T0);

        var form = header.SingleWithClass("new-sandbox");
        Assert.Equal(("form", "post", "/new"), (form.Name.LocalName, (string?)form.Attribute("method"), (string?)form.Attribute("action")));
        var token = Assert.Single(form.Descendants("input"));
        Assert.Equal(("hidden", "__RequestVerificationToken", TestAntiforgery.Token), ((string?)token.Attribute("type"), (string?)token.Attribute("name"), (string?)token.Attribute("value")));
        var button = Assert.Single(form.Descendants("button"));
        Assert.Equal(("submit", "New sandbox"), ((string?)button.Attribute("type"), button.Text()));
        var classroom = header.SingleWithClass("new-classroom-link");
        Assert.Equal(("a", "/classrooms/new", "New classroom"), (classroom.Name.LocalName, (string?)classroom.Attribute("href"), classroom.Text()));
        // "/" comes back to the last sandbox: only the brand, the way home, still points there.
        Assert.Equal(["brand"], header.Descendants("a").Where(a => (string?)a.Attribute("href") == "/").Select(a => (string?)a.Attribute("class")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc123")]
    public async Task Every_page_has_a_theme_toggle_button_with_a_name_and_a_pressed_state(string? sandboxId)
    {
        var header = await RenderAsync(sandboxId, now: null);

        var toggle = header.SingleWithClass("theme-toggle");
        Assert.Equal(("button", "button"), (toggle.Name.LocalName, (string?)toggle.Attribute("type")));
        // theme.js finds it by this attribute and keeps aria-pressed true while the dark theme is on.
        Assert.NotNull(toggle.Attribute("data-theme-toggle"));
        Assert.Equal("false", (string?)toggle.Attribute("aria-pressed"));
        Assert.Equal("Dark theme", toggle.Text());
        Assert.All(toggle.Elements("i"), icon => Assert.Equal("true", (string?)icon.Attribute("aria-hidden")));
    }
}
