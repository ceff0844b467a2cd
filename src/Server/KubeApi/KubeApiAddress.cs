using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Playground.Server.KubeApi;

/// <summary>The Kubernetes API's address as clients reach it: the configured URL, with the port Kestrel chose when it was 0.</summary>
public sealed class KubeApiAddress(IOptions<PlaygroundOptions> options, IServer server)
{
    public Uri Base
    {
        get
        {
            var configured = new Uri(options.Value.KubernetesApiUrl);
            if (configured.Port != 0) return new Uri(configured.GetLeftPart(UriPartial.Authority));
            var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(a => new Uri(a))
                .FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps);
            return new UriBuilder(configured) { Port = bound?.Port ?? configured.Port, Path = "" }.Uri;
        }
    }

    /// <summary>The server URL of one sandbox, as kubeconfig names it.</summary>
    public string For(string sandboxId) => $"{Base.GetLeftPart(UriPartial.Authority)}/sandboxes/{sandboxId}";
}
