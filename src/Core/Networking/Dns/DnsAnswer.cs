namespace Playground.Core.Networking.Dns;

/// <summary>What the cluster DNS answers for a name: the name found, a CNAME it points to (ExternalName), and A records.</summary>
public sealed record DnsAnswer(string Name, string? CanonicalName, IReadOnlyList<string> Addresses);
