using Microsoft.AspNetCore.Diagnostics;
using Playground.Server.Apis;

namespace Playground.Server;

public static class HostingExtensions
{
    /// <summary>Binds loopback by default, binds and checks <see cref="PlaygroundOptions"/> and creates the data directory.</summary>
    public static WebApplicationBuilder AddPlaygroundHosting(this WebApplicationBuilder builder)
    {
        // Safe by default: only this machine reaches the server unless --urls says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls("http://127.0.0.1:5080");

        builder.Services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .Validate(o => o.ClockSpeed > 0, "Playground:ClockSpeed must be greater than 0")
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath);
                Directory.CreateDirectory(o.DataDirectory);
            })
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Any failure nobody expected still answers with a Kubernetes Status, without internals.</summary>
    public static WebApplication UsePlaygroundErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            return failure is BadHttpRequestException bad
                ? StatusResults.Write(context, bad.StatusCode, bad.Message)
                : StatusResults.Write(context, StatusCodes.Status500InternalServerError, "an internal error occurred");
        }));
        return app;
    }
}
