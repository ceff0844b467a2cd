using Playground.Client;

namespace Playground.Server.Ui;

/// <summary>The browser UI: the Razor components of src/Client, interactive over a Blazor Server circuit.</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddPlaygroundUi(this WebApplicationBuilder builder)
    {
        // Maps the Client library's wwwroot when running from build output in any environment (a no-op once published).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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
