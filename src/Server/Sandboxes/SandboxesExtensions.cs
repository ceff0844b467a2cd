using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Playground.Client.Services;

namespace Playground.Server.Sandboxes;

public static class SandboxesExtensions
{
    /// <summary>The sandbox registry, its access control, idle sandboxes' hibernation, and the workspace's gateway that opens sandboxes with the visitor's cookies.</summary>
    public static WebApplicationBuilder AddSandboxes(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxRegistry>();
        builder.Services.AddSingleton<SandboxAccessControl>();
        builder.Services.AddHostedService<HibernateIdleSandboxes>();
        builder.Services.AddHostedService<StopSandboxesOnShutdown>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<VisitorCookies>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CaptureVisitorCookies>());
        builder.Services.AddScoped<ISandboxGateway, SandboxGateway>();
        return builder;
    }
}
