using Microsoft.Extensions.Options;
using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi;

public static class KubeApiExtensions
{
    /// <summary>
    /// Adds the Kubernetes API's HTTPS address to the server's addresses, with the serving certificate made (once) in
    /// the data directory.
    /// </summary>
    public static WebApplicationBuilder AddKubernetesApi(this WebApplicationBuilder builder)
    {
        var url = builder.Configuration[$"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.KubernetesApiUrl)}"] ?? new PlaygroundOptions().KubernetesApiUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
            throw new OptionsValidationException(PlaygroundOptions.Section, typeof(PlaygroundOptions),
                [$"Playground:KubernetesApiUrl must be an https:// address (kubectl sends tokens only over TLS), not \"{url}\""]);
        var certificates = ServingCertificates.LoadOrCreate(
            Path.Combine(PlaygroundOptions.DataDirectoryOf(builder), "pki"), address.Host, TimeProvider.System);
        builder.Services.AddSingleton(certificates);
        builder.Services.AddSingleton<KubeApiAddress>();
        builder.Services.AddSingleton(new Discovery(new ResourceRegistry()));
        builder.WebHost.UseUrls($"{builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)};{address.GetLeftPart(UriPartial.Authority)}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificates.Server));
        return builder;
    }
}
