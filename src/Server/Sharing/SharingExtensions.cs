using Playground.Client.Services;

namespace Playground.Server.Sharing;

public static class SharingExtensions
{
    /// <summary>Share links: their store, the forks they make (and the fork link's page), and what revoking one ends at once.</summary>
    public static WebApplicationBuilder AddSharing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShareRevocations>();
        builder.Services.AddSingleton<ShareLinks>();
        builder.Services.AddSingleton<Forks>();
        builder.Services.AddScoped<IForkGateway, ForkGateway>();
        return builder;
    }

    public static WebApplication MapSharing(this WebApplication app)
    {
        app.MapShareApis();
        app.MapShareLinkEntry();
        return app;
    }
}
