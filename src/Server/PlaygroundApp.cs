using Playground.Server.Apis;
using Playground.Server.Classrooms;
using Playground.Server.Hubs;
using Playground.Server.KubeApi;
using Playground.Server.Ownership;
using Playground.Server.Persistence;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;
using Playground.Server.Ui;

namespace Playground.Server;

/// <summary>The whole server, composed from its command line: Program runs it, and tests read its routes from the same composition.</summary>
public static class PlaygroundApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPlaygroundHosting();
        builder.AddTenantRateLimits();
        builder.AddKubernetesApi();
        builder.AddPlaygroundPersistence();
        builder.AddSandboxes();
        builder.AddSharing();
        builder.AddOwnerPages();
        builder.AddClassrooms();
        builder.AddClusterHub();
        builder.AddPlaygroundUi();

        var app = builder.Build();
        app.UsePlaygroundErrors();
        app.UseTenantRateLimits();
        app.MapPlaygroundApis();
        app.MapSharing();
        app.MapClassrooms();
        app.MapClusterHub();
        app.MapKubernetesApi();
        app.MapPlaygroundUi();
        return app;
    }
}
