namespace Playground.Core.Kubectl;

/// <summary>A failure kubectl reports itself (not the API server): the message is printed as is, then the command exits.</summary>
public sealed class KubectlException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>kubectl's usual form: "error: " and the reason.</summary>
    public static KubectlException Error(string reason) => new($"error: {reason}");

    /// <summary>A bad argument, with the pointer to the command's help that kubectl adds (cmdutil.UsageErrorf).</summary>
    public static KubectlException Usage(string commandPath, string reason) =>
        new($"error: {reason}\nSee '{commandPath} -h' for help and examples");
}
