using Microsoft.AspNetCore.RateLimiting;
using Playground.Server.Apis;

namespace Playground.Server.RateLimits;

public static class RateLimitsExtensions
{
    public static WebApplicationBuilder AddTenantRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TenantRateLimiter>();
        builder.Services.AddSingleton<SandboxCreationLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<TenantRateLimiter>((options, limiter) =>
        {
            options.GlobalLimiter = limiter.ForRequests();
            options.OnRejected = (rejected, _) =>
            {
                // kubectl and client-go wait for Retry-After and try again, as they do with a real API server's 429.
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(StatusResults.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, TooMany(limiter.Limits)));
            };
        });
        return builder;
    }

    /// <summary>Counts the API's requests only: the page's own assets and its circuit are not a tenant's requests.</summary>
    public static WebApplication UseTenantRateLimits(this WebApplication app)
    {
        app.UseWhen(IsApiRequest, api => api.UseRateLimiter());
        return app;
    }

    public static string TooMany(RateLimitOptions limits) =>
        $"too many requests, please try again later: one token may make {limits.RequestsPerSecond} requests a second, in bursts of up to {limits.Burst}";

    private static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/sandboxes") || context.Request.Path.StartsWithSegments("/hubs");
}
