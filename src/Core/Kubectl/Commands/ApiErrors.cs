using Playground.Core.ApiServer;

namespace Playground.Core.Kubectl.Commands;

/// <summary>API failures as kubectl prints them (cmdutil.StandardErrorMessage).</summary>
public static class ApiErrors
{
    public static string Format(ApiException e, string? prefix = null) =>
        e.Reason is { Length: > 0 } reason
            ? $"Error from server ({reason}): {prefix}{e.Message}"
            : $"Error from server: {prefix}{e.Message}";
}
