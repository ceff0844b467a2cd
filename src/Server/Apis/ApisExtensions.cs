namespace Playground.Server.Apis;

public static class ApisExtensions
{
    public static WebApplication MapPlaygroundApis(this WebApplication app)
    {
        app.MapSandboxApis();
        app.MapClockApis();
        app.MapFaultApis();
        app.MapKubeconfigApi();
        app.MapBrowserEntry();
        return app;
    }
}
