using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Playground.Client.Tests;

/// <summary>Renders a component to HTML with Blazor's own HtmlRenderer and reads it back as XML to query like a DOM.</summary>
public static class Markup
{
    public static async Task<XElement> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return XElement.Parse($"<root>{html}</root>");
    }

    public static IEnumerable<XElement> WithClass(this XElement root, string cssClass) =>
        root.Descendants().Where(e => e.HasClass(cssClass));

    public static XElement SingleWithClass(this XElement root, string cssClass) => Assert.Single(root.WithClass(cssClass));

    public static bool HasClass(this XElement element, string cssClass) =>
        ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass);

    /// <summary>The text a person reads: whitespace collapsed.</summary>
    public static string Text(this XElement element) => string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
