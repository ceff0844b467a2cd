namespace Playground.Server.Apis;

public static class ApisExtensions
{
    public static WebApplication MapPlaygroundApis(this WebApplication app)
    {
        app.MapSandboxApis();
        app.MapBrowserEntry();
        return app;
    }
}
