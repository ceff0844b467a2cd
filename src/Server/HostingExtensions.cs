using Microsoft.AspNetCore.DataProtection;
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

        var dataDirectory = PlaygroundOptions.DataDirectoryOf(builder);
        Directory.CreateDirectory(dataDirectory);
        builder.Services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .Validate(o => o.ClockSpeed > 0, "Playground:ClockSpeed must be greater than 0")
            .Validate(o => o.HibernateAfter > TimeSpan.Zero, "Playground:HibernateAfter must be a positive time span such as 00:10:00")
            .Validate(o => o.RateLimits.SandboxCreationsPerHour > 0, "Playground:RateLimits:SandboxCreationsPerHour must be greater than 0")
            .PostConfigure(o => o.DataDirectory = dataDirectory)
            .ValidateOnStart();
        // Keys beside the data, so cookies and circuits the server protected stay readable after a restart.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
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
