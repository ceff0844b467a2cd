namespace Playground.Server.Sandboxes;

/// <summary>A visitor who owns as many sandboxes as <see cref="PlaygroundLimits.SandboxesPerVisitor"/> allows asked for one more; nothing was stored.</summary>
public sealed class SandboxQuotaException(int used, int limit)
    : Exception($"exceeded quota: sandboxes-per-visitor, requested: sandboxes=1, used: sandboxes={used}, limited: sandboxes={limit}; delete one under \"My sandboxes\" first");
