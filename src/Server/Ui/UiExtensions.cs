using Playground.Client;
using Playground.Client.Services;

namespace Playground.Server.Ui;

/// <summary>The browser UI: the Razor components of src/Client, interactive over a Blazor Server circuit.</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddPlaygroundUi(this WebApplicationBuilder builder)
    {
        // Maps the Client library's wwwroot when running from build output in any environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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
