namespace Playground.Server.Hubs;

public static class HubsExtensions
{
    /// <summary>The largest message a client may send to /hubs/cluster; a larger one closes its connection.</summary>
    public const int MaxMessageBytes = 4 * 1024;

    public static WebApplicationBuilder AddClusterHub(this WebApplicationBuilder builder)
    {
        // A client only sends Watch(sandboxId, token, afterRevision) and stream cancels, under 200 bytes, so 4 KiB is plenty and nothing bigger is buffered.
        builder.Services.AddSignalR().AddHubOptions<ClusterHub>(hub => hub.MaximumReceiveMessageSize = MaxMessageBytes);
        return builder;
    }

    public static WebApplication MapClusterHub(this WebApplication app)
    {
        app.MapHub<ClusterHub>("/hubs/cluster");
        return app;
    }
}
