namespace Playground.Core.Kubectl;

/// <summary>
/// What a kubectl command printed (stdout and stderr interleaved, as a terminal shows them) and its exit code; with
/// <see cref="Namespace"/>, the context's namespace after the command, which "kubectl config set-context" changes.
/// </summary>
public sealed record KubectlResult(int ExitCode, string Output, string? Namespace = null);
