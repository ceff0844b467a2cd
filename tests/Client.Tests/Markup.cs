using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Playground.Client.Tests;

/// <summary>Renders a component to HTML with Blazor's own HtmlRenderer and reads it back as XML to query like a DOM.</summary>
public static partial class Markup
{
    public static Task<XElement> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync(async renderer => (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    /// <summary>The markup before the component's async work is done: what it shows while it loads.</summary>
    public static Task<XElement> RenderFirstAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        RenderAsync(renderer => Task.FromResult(renderer.BeginRenderingComponent<TComponent>(ParameterView.FromDictionary(parameters)).ToHtmlString()));

    private static async Task<XElement> RenderAsync(Func<HtmlRenderer, Task<string>> render)
    {
        await using var services = new ServiceCollection().AddSingleton<Microsoft.JSInterop.IJSRuntime, NoJavaScript>()
            .AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, TestAntiforgery>().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(() => render(renderer));
        return XElement.Parse($"<root>{XmlAttributes(html)}</root>");
    }

    /// <summary>
    /// HTML's value-less attributes (an option's "selected", a panel's "hidden", an empty "value") written as XML wants them, with
    /// an empty value, and void elements closed (Razor writes a static "&lt;input … /&gt;" as "&lt;input …&gt;").
    /// </summary>
    internal static string XmlAttributes(string html) =>
        Tag().Replace(html, tag =>
        {
            var xml = Attribute().Replace(tag.Value, a => a.Groups[2].Success ? $"{a.Groups[2].Value}=\"\"" : a.Value);
            return Void().IsMatch(xml) && !xml.EndsWith("/>", StringComparison.Ordinal) ? xml[..^1] + " />" : xml;
        });

    [System.Text.RegularExpressions.GeneratedRegex("^<(input|br|hr|img|meta|link|col|area|base|source|track|wbr|embed)[\\s>]")]
    private static partial System.Text.RegularExpressions.Regex Void();

    /// <summary>A start tag; Blazor encodes "&lt;" and "&gt;" inside attribute values, so none ends early.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("<[a-zA-Z][^<>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    /// <summary>A quoted value (kept as it is) or a value-less attribute name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(""[^""]*"")|(?<=\s)(selected|hidden|disabled|checked|readonly|multiple|required|open|value)(?=[\s/>])")]
    private static partial System.Text.RegularExpressions.Regex Attribute();

    /// <summary>Static rendering never runs OnAfterRender, so a component that injects IJSRuntime renders here without calling it.</summary>
    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"markup tests render statically; nothing should call {identifier}");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    public static IEnumerable<XElement> WithClass(this XElement root, string cssClass) =>
        root.Descendants().Where(e => e.HasClass(cssClass));

    public static XElement SingleWithClass(this XElement root, string cssClass) => Assert.Single(root.WithClass(cssClass));

    public static bool HasClass(this XElement element, string cssClass) =>
        ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(cssClass);

    /// <summary>The text a person reads: whitespace collapsed.</summary>
    public static string Text(this XElement element) => string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
