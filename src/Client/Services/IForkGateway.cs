namespace Playground.Client.Services;

/// <summary>The sandbox a fork link copies, as its page names it before anything is made.</summary>
public sealed record ForkSource(string SandboxId, string Name);

/// <summary>A fork link's page, implemented by the server: what the link copies, and the copy itself.</summary>
public interface IForkGateway
{
    /// <summary>The sandbox the link copies; null when the token opens no fork link (revoked, its sandbox deleted, or never one). Makes nothing.</summary>
    Task<ForkSource?> SourceAsync(string token);

    /// <summary>
    /// A copy of the shared sandbox as it stands, owned by this browser (its cookie goes with the page's response, so call it
    /// while a request is at hand: the page renders statically); no id when the link no longer works or a limit refused it.
    /// </summary>
    Task<ForkOutcome> ForkAsync(string token);
}

/// <summary>The copy's id; or, without one, why not: <see cref="Refused"/> says which limit, and null means the link no longer works.</summary>
public sealed record ForkOutcome(string? SandboxId, string? Refused = null);
