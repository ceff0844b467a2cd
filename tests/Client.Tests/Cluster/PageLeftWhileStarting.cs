using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace Playground.Client.Tests.Cluster;

/// <summary>
/// A component with a JavaScript module of its own, on a page the visitor leaves (a link followed) while the browser is
/// still loading that module: the component is disposed and its element gone by the time the module is there.
/// </summary>
public static class PageLeftWhileStarting
{
    /// <summary>The page's markup once left; reading it throws when the component failed the circuit meanwhile.</summary>
    public static async Task<XElement> LeaveAsync(RenderFragment component)
    {
        var js = new StartingJs();
        await using var page = await LiveComponent<Page>.RenderAsync(
            new Dictionary<string, object?> { [nameof(Page.Content)] = component }, services => services.AddSingleton<IJSRuntime>(js));
        Assert.Equal("import", js.Started);

        await page.SetParametersAsync(new Dictionary<string, object?> { [nameof(Page.Content)] = null });
        js.Module.SetResult(new ElementGone());

        return await page.MarkupAsync();
    }

    private sealed class Page : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }

    /// <summary>The browser loading the module, until the test says it has.</summary>
    private sealed class StartingJs : IJSRuntime
    {
        public TaskCompletionSource<IJSObjectReference> Module { get; } = new();
        public string? Started { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Started = identifier;
            return new ValueTask<TValue>((Task<TValue>)(object)Module.Task);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
    }

    /// <summary>The module, once the component's element has left the page: what it is asked to attach to is not there.</summary>
    private sealed class ElementGone : IJSObjectReference
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            ValueTask.FromException<TValue>(new JSException("the element is no longer in the page"));

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
