namespace Playground.Server.Hubs;

public static class HubsExtensions
{
    public static WebApplicationBuilder AddClusterHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        return builder;
    }

    public static WebApplication MapClusterHub(this WebApplication app)
    {
        app.MapHub<ClusterHub>("/hubs/cluster");
        return app;
    }
}
