using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// A renderer of its own reads the render tree, which is what these types are for; a Blazor release may change them.
#pragma warning disable BL0006

namespace Playground.Client.Tests;

/// <summary>
/// A component kept alive on Blazor's own Renderer, so that a test can press its buttons and pick its options as a
/// person does and read its markup after each (<see cref="Markup.RenderAsync{TComponent}"/> renders once and has no events).
/// The markup is the component's current render tree as XML, queried with the same helpers.
/// </summary>
public sealed class LiveComponent<TComponent> : IAsyncDisposable where TComponent : IComponent
{
    private readonly ServiceProvider _services;
    private readonly LiveRenderer _renderer;
    private readonly int _id;

    private LiveComponent(ServiceProvider services)
    {
        _services = services;
        _renderer = new LiveRenderer(services);
        _id = _renderer.Attach(typeof(TComponent));
    }

    public static async Task<LiveComponent<TComponent>> RenderAsync(IDictionary<string, object?> parameters, Action<IServiceCollection>? services = null)
    {
        // Every form with an antiforgery token (the header's "New sandbox" is one) renders it as on the server.
        var collection = new ServiceCollection().AddSingleton<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, TestAntiforgery>();
        services?.Invoke(collection);
        var live = new LiveComponent<TComponent>(collection.BuildServiceProvider());
        await live.SetParametersAsync(parameters);
        return live;
    }

    /// <summary>Renders again with new parameters, as a parent does when its state changes.</summary>
    public Task SetParametersAsync(IDictionary<string, object?> parameters) =>
        _renderer.Dispatcher.InvokeAsync(() => _renderer.RenderRootAsync(_id, ParameterView.FromDictionary(parameters)));

    /// <summary>The markup as it stands now, wrapped in a root element.</summary>
    public async Task<XElement> MarkupAsync()
    {
        var root = await _renderer.Dispatcher.InvokeAsync(() => _renderer.Read(_id));
        _renderer.ThrowIfFailed();
        return root;
    }

    /// <summary>Presses a button; the task ends when its handler (and the render after it) has.</summary>
    public Task ClickAsync(XElement element) => DispatchAsync(element, "onclick", new MouseEventArgs { Detail = 1 });

    /// <summary>Picks an option of a select, as its change event reports it.</summary>
    public Task ChooseAsync(XElement select, string value) => DispatchAsync(select, "onchange", new ChangeEventArgs { Value = value });

    /// <summary>Submits a form, as pressing its submit button (or Enter in one of its fields) does.</summary>
    public Task SubmitAsync(XElement form) => DispatchAsync(form, "onsubmit", EventArgs.Empty);

    private Task DispatchAsync(XElement element, string eventName, EventArgs args)
    {
        var handlers = element.Annotation<Handlers>()?.Ids ?? [];
        if (!handlers.TryGetValue(eventName, out var id))
            throw new InvalidOperationException($"<{element.Name}> has no {eventName} handler: {element}");
        return _renderer.Dispatcher.InvokeAsync(() => _renderer.DispatchEventAsync(id, null, args));
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.Dispatcher.InvokeAsync(_renderer.Dispose);
        await _services.DisposeAsync();
    }

    /// <summary>The event handlers of an element, by event attribute name ("onclick").</summary>
    private sealed record Handlers(Dictionary<string, ulong> Ids);

    private sealed class LiveRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
    {
        private Exception? _failure;

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        /// <summary>Events are dispatched as in a circuit, so components see an interactive renderer.</summary>
        protected override RendererInfo RendererInfo { get; } = new("Test", isInteractive: true);

        /// <summary>An interactive page (@rendermode InteractiveServer) runs here as it does in its circuit: in place.</summary>
        protected override IComponent ResolveComponentForRenderMode(Type componentType, int? parentComponentId, IComponentActivator componentActivator, IComponentRenderMode renderMode) =>
            componentActivator.CreateInstance(componentType);

        /// <summary>Made by the renderer's own activator, so that its [Inject] properties are set.</summary>
        public int Attach(Type type) => AssignRootComponentId(InstantiateComponent(type));

        public Task RenderRootAsync(int id, ParameterView parameters) => RenderRootComponentAsync(id, parameters);

        public void ThrowIfFailed()
        {
            if (_failure is { } failure) throw new InvalidOperationException("The component failed while rendering or handling an event", failure);
        }

        protected override void HandleException(Exception exception) => _failure ??= exception;

        // Nothing is displayed: the test reads the current render tree instead.
        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;

        public XElement Read(int componentId)
        {
            var root = new XElement("root");
            var frames = GetCurrentRenderTreeFrames(componentId);
            Append(root, frames.Array, 0, frames.Count);
            return root;
        }

        private void Append(XElement parent, RenderTreeFrame[] frames, int start, int end)
        {
            for (var i = start; i < end;)
            {
                var frame = frames[i];
                switch (frame.FrameType)
                {
                    case RenderTreeFrameType.Element:
                        var element = new XElement(frame.ElementName);
                        var ids = new Dictionary<string, ulong>();
                        var child = i + 1;
                        for (; child < i + frame.ElementSubtreeLength && frames[child].FrameType == RenderTreeFrameType.Attribute; child++)
                            AddAttribute(element, ids, frames[child]);
                        element.AddAnnotation(new Handlers(ids));
                        Append(element, frames, child, i + frame.ElementSubtreeLength);
                        parent.Add(element);
                        i += frame.ElementSubtreeLength;
                        break;
                    case RenderTreeFrameType.Text:
                        parent.Add(new XText(frame.TextContent));
                        i++;
                        break;
                    case RenderTreeFrameType.Markup:
                        parent.Add(XElement.Parse($"<markup>{Markup.XmlAttributes(frame.MarkupContent)}</markup>").Nodes());
                        i++;
                        break;
                    case RenderTreeFrameType.Component:
                        var inner = GetCurrentRenderTreeFrames(frame.ComponentId);
                        Append(parent, inner.Array, 0, inner.Count);
                        i += frame.ComponentSubtreeLength;
                        break;
                    case RenderTreeFrameType.Region:
                        Append(parent, frames, i + 1, i + frame.RegionSubtreeLength);
                        i += frame.RegionSubtreeLength;
                        break;
                    default:
                        i++;
                        break;
                }
            }
        }

        /// <summary>Strings as they are, true as a value-less attribute (written ""), handlers kept aside for dispatch.</summary>
        private static void AddAttribute(XElement element, Dictionary<string, ulong> ids, RenderTreeFrame attribute)
        {
            if (attribute.AttributeEventHandlerId != 0)
            {
                ids[attribute.AttributeName] = attribute.AttributeEventHandlerId;
                return;
            }
            var value = attribute.AttributeValue switch
            {
                string text => text,
                true => "",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value is not null) element.SetAttributeValue(attribute.AttributeName, value);
        }
    }
}
