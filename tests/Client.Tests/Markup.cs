using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Playground.Client.Tests;

/// <summary>Renders a component to HTML with Blazor's own HtmlRenderer and reads it back as XML to query like a DOM.</summary>
public static partial class Markup
{
    public static async Task<XElement> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return XElement.Parse($"<root>{XmlAttributes(html)}</root>");
    }

    /// <summary>HTML's value-less attributes (an option's "selected", a panel's "hidden", an empty "value") written as XML wants them, with an empty value.</summary>
    private static string XmlAttributes(string html) =>
        Tag().Replace(html, tag => Attribute().Replace(tag.Value, a => a.Groups[2].Success ? $"{a.Groups[2].Value}=\"\"" : a.Value));

    /// <summary>A start tag; Blazor encodes "&lt;" and "&gt;" inside attribute values, so none ends early.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("<[a-zA-Z][^<>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    /// <summary>A quoted value (kept as it is) or a value-less attribute name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(""[^""]*"")|(?<=\s)(selected|hidden|disabled|checked|readonly|multiple|required|open|value)(?=[\s/>])")]
    private static partial System.Text.RegularExpressions.Regex Attribute();

    public static IEnumerable<XElement> WithClass(this XElement root, string cssClass) =>
        root.Descendants().Where(e => e.HasClass(cssClass));

    public static XElement SingleWithClass(this XElement root, string cssClass) => Assert.Single(root.WithClass(cssClass));

    public static bool HasClass(this XElement element, string cssClass) =>
        ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass);

    /// <summary>The text a person reads: whitespace collapsed.</summary>
    public static string Text(this XElement element) => string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
