namespace Playground.Core.Networking.LoadBalancers;

/// <summary>
/// The simulated cloud's external addresses, as MetalLB on kind hands out from the docker network (172.18.255.200–250).
/// The first one belongs to the ingress controller, which real installs expose through a LoadBalancer service of their own.
/// </summary>
public static class LoadBalancerPool
{
    public const string IngressAddress = "172.18.255.200";
    private const string Prefix = "172.18.255.";
    private const int First = 200;
    private const int Last = 250;

    /// <summary>The addresses services may get, lowest first.</summary>
    public static IEnumerable<string> ServiceAddresses => Enumerable.Range(First + 1, Last - First).Select(i => Prefix + i);

    public static bool Contains(string ip) => ServiceAddresses.Contains(ip);
}
