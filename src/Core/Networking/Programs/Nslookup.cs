using System.Text;
using Playground.Core.Networking.Dns;

namespace Playground.Core.Networking.Programs;

/// <summary>BusyBox nslookup (busybox and alpine images): asks the cluster DNS through the pod's search path and prints as BusyBox 1.36 does.</summary>
public static class Nslookup
{
    public static ProgramResult Run(IReadOnlyList<string> args, ExecContext context)
    {
        var names = args.Where(a => !a.StartsWith('-')).ToList();
        if (names.Count == 0) return new("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n", 1);
        // With no CoreDNS behind the nameserver address the query times out before any header is printed.
        if (!context.Network.Dns.Answering) return new(";; connection timed out; no servers could be reached\n\n", 1);
        var text = new StringBuilder($"Server:\t\t{ClusterDns.ServerAddress}\nAddress:\t{ClusterDns.ServerAddress}:53\n\n");
        var name = names[0];
        if (System.Net.IPAddress.TryParse(name, out _))
        {
            var reverse = string.Join('.', name.Split('.').Reverse()) + ".in-addr.arpa";
            text.Append($"** server can't find {reverse}: NXDOMAIN\n\n");
            return new(text.ToString(), 1);
        }
        // The resolver tries the search path silently; only a name that fails everywhere is reported, once per name tried.
        var candidates = ClusterDns.Candidates(name.ToLowerInvariant(), context.Namespace);
        if (candidates.Select(context.Network.Dns.Lookup).FirstOrDefault(a => a is not null) is { } answer)
        {
            if (answer.CanonicalName is { } canonical) text.Append($"{answer.Name}\tcanonical name = {canonical}\n");
            foreach (var address in answer.Addresses) text.Append($"Name:\t{answer.CanonicalName ?? answer.Name}\nAddress: {address}\n");
            text.Append('\n');
            return new(text.ToString(), 0);
        }
        foreach (var candidate in candidates) text.Append($"** server can't find {candidate}: NXDOMAIN\n\n");
        return new(text.ToString(), 1);
    }
}
