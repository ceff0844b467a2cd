using System.Security.Cryptography;
using System.Text;

namespace Playground.Core.Kubelet.Images;

/// <summary>
/// An image name as containerd resolves it: "nginx" is docker.io/library/nginx:latest, "bitnami/redis:7" is
/// docker.io/bitnami/redis:7, a first part with a dot or port names its registry.
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var name = image.Trim();
        string? digest = null;
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            digest = name[(at + 1)..];
            name = name[..at];
        }
        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        var registry = "docker.io";
        if (first.Contains('.') || first.Contains(':') || first == "localhost")
        {
            registry = first;
            name = name[(slash + 1)..];
        }
        else if (slash < 0) name = "library/" + name;
        return new ImageReference(registry, name, digest is null ? tag ?? "latest" : tag, digest);
    }

    /// <summary>The fully qualified name a node lists and a running container reports: docker.io/library/nginx:latest.</summary>
    public string Normalized => Digest is not null && Tag is null ? $"{Registry}/{Repository}@{Digest}" : $"{Registry}/{Repository}:{Tag}";

    /// <summary>The last path part, which the catalog knows images by: "nginx" for docker.io/library/nginx.</summary>
    public string ShortName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>A stable content digest for the image, so the same tag always resolves to the same imageID.</summary>
    public string ResolvedDigest => Digest ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalized)));

    /// <summary>The imageID a running container reports: docker.io/library/nginx@sha256:….</summary>
    public string ImageId => $"{Registry}/{Repository}@{ResolvedDigest}";
}
