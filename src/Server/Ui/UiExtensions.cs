using Playground.Client;
using Playground.Client.Services;

namespace Playground.Server.Ui;

/// <summary>The browser UI: the Razor components of src/Client, interactive over a Blazor Server circuit.</summary>
public static class UiExtensions
{
    /// <summary>The largest message a page may send over its circuit; a larger one ends the circuit.</summary>
    public const int MaxCircuitMessageBytes = 1024 * 1024 + 64 * 1024;

    public static WebApplicationBuilder AddPlaygroundUi(this WebApplicationBuilder builder)
    {
        // Maps the Client library's wwwroot when running from build output in any environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        // A circuit carries what the editor and the terminal send: up to kubectl's 1 MiB of stdin, not SignalR's default 32 KB.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        // One per circuit: the resource browser asks the manifest editor of the same page to open an object.
        builder.Services.AddScoped<EditorRequests>();
        return builder;
    }

    public static WebApplication MapPlaygroundUi(this WebApplication app)
    {
        app.UseAntiforgery();
        // Serves wwwroot, the Client library's assets and the build-time lib/ and _framework/ (see build/FrontEnd.targets).
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
