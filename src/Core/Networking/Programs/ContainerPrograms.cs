using Playground.Core.Kubelet.Images;

namespace Playground.Core.Networking.Programs;

/// <summary>
/// The programs `kubectl exec` can start in a container, by image: curl where the image ships it (nginx, node, python,
/// curlimages/curl, netshoot), BusyBox's wget and nslookup (busybox, alpine and alpine-based images), hostname and
/// `cat /etc/resolv.conf` wherever there is a userland; scratch images (traefik/whoami, coredns) have none.
/// </summary>
public static class ContainerPrograms
{
    private static readonly HashSet<string> Scratch = ["whoami", "http-echo", "pause", "coredns"];

    public static bool Has(ImageReference image, string program)
    {
        var name = image.ShortName;
        var alpine = name is "busybox" or "alpine" or "curl" || image.Tag?.Contains("alpine", StringComparison.Ordinal) == true;
        return program switch
        {
            "curl" => name is "nginx" or "node" or "python" or "curl" or "netshoot",
            "wget" => alpine || name is "node" or "python" or "netshoot",
            "nslookup" => alpine || name is "netshoot",
            "hostname" or "cat" or "sh" => !Scratch.Contains(name),
            _ => false,
        };
    }

    /// <summary>Runs argv[0] with its arguments; null when the playground does not simulate that program.</summary>
    public static ProgramResult? Run(IReadOnlyList<string> argv, ExecContext context)
    {
        var program = argv[0].Split('/')[^1];
        var args = argv.Skip(1).ToList();
        return program switch
        {
            "curl" => Curl.Run(args, context),
            "wget" => Wget.Run(args, context),
            "nslookup" => Nslookup.Run(args, context),
            "hostname" => new(Hostname(context) + "\n", 0),
            "cat" when args is ["/etc/resolv.conf"] => new(ResolvConf(context), 0),
            "cat" when args is ["/etc/hostname"] => new(Hostname(context) + "\n", 0),
            _ => null,
        };
    }

    private static string Hostname(ExecContext context) => context.Pod.Spec.Hostname ?? context.Pod.Metadata.Name ?? "";

    /// <summary>The resolv.conf the kubelet writes for a ClusterFirst pod.</summary>
    private static string ResolvConf(ExecContext context) =>
        $"search {string.Join(' ', Dns.ClusterDns.SearchPath(context.Namespace))}\nnameserver {Dns.ClusterDns.ServerAddress}\noptions ndots:5\n";
}
