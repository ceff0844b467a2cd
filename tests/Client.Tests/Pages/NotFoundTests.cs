using Playground.Client.Pages;

namespace Playground.Client.Tests.Pages;

public class NotFoundTests
{
    [Fact]
    public async Task An_unknown_address_says_so_and_offers_a_new_sandbox()
    {
        var page = await Markup.RenderAsync<NotFound>(new Dictionary<string, object?>());

        var main = page.Descendants("main").Single();
        Assert.Equal("main", (string?)main.Attribute("id"));
        Assert.Equal("Page not found", main.Element("h1")!.Text());
        var form = main.Descendants("form").Single();
        Assert.Equal(("post", "/new", "Start a new sandbox"), ((string?)form.Attribute("method"), (string?)form.Attribute("action"), form.Element("button")!.Text()));
        // The header is there too, with its theme toggle, but no kubeconfig: there is no sandbox here.
        Assert.Single(page.WithClass("theme-toggle"));
        Assert.Empty(page.WithClass("kubeconfig"));
    }
}
