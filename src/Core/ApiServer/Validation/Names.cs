using System.Text.RegularExpressions;

namespace Playground.Core.ApiServer.Validation;

/// <summary>Upstream's name rules (apimachinery validation), with their exact messages.</summary>
public static partial class Names
{
    public static string? Subdomain(string name)
    {
        if (name.Length > 253) return "must be no more than 253 characters";
        return SubdomainPattern().IsMatch(name) ? null :
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }

    public static string? Label(string name)
    {
        if (name.Length > 63) return "must be no more than 63 characters";
        return LabelPattern().IsMatch(name) ? null :
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    }

    public static string? Dns1035Label(string name)
    {
        if (name.Length > 63) return "must be no more than 63 characters";
        return Dns1035Pattern().IsMatch(name) ? null :
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Pattern();
}
