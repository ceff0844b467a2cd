namespace Playground.Core.Kubectl;

/// <summary>What a kubectl command printed (stdout and stderr interleaved, as a terminal shows them) and its exit code.</summary>
public sealed record KubectlResult(int ExitCode, string Output);
