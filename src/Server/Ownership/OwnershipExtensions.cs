using Playground.Client.Services;

namespace Playground.Server.Ownership;

public static class OwnershipExtensions
{
    /// <summary>The owner's pages in the circuit: the share menu and "My sandboxes".</summary>
    public static WebApplicationBuilder AddOwnerPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OwnerGrants>();
        builder.Services.AddScoped<IShareGateway, ShareGateway>();
        builder.Services.AddScoped<IMySandboxes, MySandboxesGateway>();
        return builder;
    }
}
