namespace Playground.Core.Kubelet.Images;

/// <summary>The startup logs of the kubeadm add-on images, as `kubectl logs -n kube-system` shows them on a kind cluster.</summary>
public static partial class ImageCatalog
{
    private static ContainerProcess KubeProxy(ProcessContext c)
    {
        // klog's header: severity, month and day, time to the microsecond, thread id, source line.
        string L(int ms, char severity, string source, string message) =>
            $"{severity}{Time(c, ms, "MMdd HH:mm:ss.ffffff")}       1 {source}] {message}";
        return new ContainerProcess(
        [
            At(40, L(40, 'I', "server_linux.go:66", "\"Using iptables proxy\"")),
            At(52, L(52, 'I', "server.go:698", $"\"Successfully retrieved node IP(s)\" IPs=[\"{c.PodIp}\"]")),
            At(53, L(53, 'I', "conntrack.go:121", "\"Set sysctl\" entry=\"net/netfilter/nf_conntrack_max\" value=131072")),
            At(53, L(53, 'I', "conntrack.go:60", "\"Setting nf_conntrack_max\" nfConntrackMax=131072")),
            At(54, L(54, 'E', "server.go:234", "\"Kube-proxy configuration may be incomplete or incorrect\" err=\"nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`\"")),
            At(80, L(80, 'I', "server.go:243", "\"kube-proxy running in dual-stack mode\" primary ipFamily=\"IPv4\"")),
            At(80, L(80, 'I', "server_linux.go:170", "\"Using iptables Proxier\"")),
            At(81, L(81, 'I', "server.go:497", $"\"Version info\" version=\"v{Version(c.ImageTag?.TrimStart('v'), NodeIdentity.KubeletVersion[1..])}\"")),
            At(81, L(81, 'I', "server.go:499", "\"Golang settings\" GOGC=\"\" GOMAXPROCS=\"\" GOTRACEBACK=\"\"")),
            At(82, L(82, 'I', "config.go:199", "\"Starting service config controller\"")),
            At(82, L(82, 'I', "shared_informer.go:313", "Waiting for caches to sync for service config")),
            At(82, L(82, 'I', "config.go:105", "\"Starting endpoint slice config controller\"")),
            At(82, L(82, 'I', "shared_informer.go:313", "Waiting for caches to sync for endpoint slice config")),
            At(83, L(83, 'I', "config.go:329", "\"Starting node config controller\"")),
            At(83, L(83, 'I', "shared_informer.go:313", "Waiting for caches to sync for node config")),
            At(183, L(183, 'I', "shared_informer.go:320", "Caches are synced for node config")),
            At(183, L(183, 'I', "shared_informer.go:320", "Caches are synced for service config")),
            At(183, L(183, 'I', "shared_informer.go:320", "Caches are synced for endpoint slice config")),
        ]);
    }

    private static ContainerProcess CoreDns(ProcessContext c) => new(
    [
        At(30, ".:53"),
        At(31, "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908"),
        At(31, $"CoreDNS-{Version(c.ImageTag?.TrimStart('v'), "1.11.3")}"),
        At(31, "linux/amd64, go1.21.11, a6338e9"),
    ]);
}
