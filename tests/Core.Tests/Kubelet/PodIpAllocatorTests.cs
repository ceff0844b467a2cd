using Playground.Core.Networking;

namespace Playground.Core.Tests.Kubelet;

public class PodIpAllocatorTests
{
    [Fact]
    public void Addresses_are_handed_out_round_robin_from_the_second_host_address()
    {
        var ips = new PodIpAllocator("10.244.1.0/24");

        Assert.Equal(["10.244.1.2", "10.244.1.3"], new[] { ips.Allocate("a"), ips.Allocate("b") });
        Assert.Equal("10.244.1.2", ips.Allocate("a"));

        ips.Release("a");

        Assert.Equal("10.244.1.4", ips.Allocate("c"));
    }

    [Fact]
    public void An_address_belongs_to_one_owner_and_releasing_twice_frees_nothing_else()
    {
        var ips = new PodIpAllocator("10.244.0.0/24");
        Assert.True(ips.Reserve("10.244.0.9", "old"));
        Assert.False(ips.Reserve("10.244.0.9", "other"));
        Assert.False(ips.Reserve("10.245.0.9", "other"));

        ips.Release("old");
        Assert.Equal("10.244.0.10", ips.Allocate("new"));
        ips.Release("old");

        Assert.Equal("10.244.0.10", ips.AddressOf("new"));
    }

    [Fact]
    public void A_full_range_fails_with_the_cni_plugins_message()
    {
        var ips = new PodIpAllocator("10.244.2.0/29");
        foreach (var owner in new[] { "a", "b", "c", "d", "e" }) ips.Allocate(owner);

        var full = Assert.Throws<InvalidOperationException>(() => ips.Allocate("f"));

        Assert.Equal("failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.6", full.Message);
    }
}
