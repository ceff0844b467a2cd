namespace Playground.Client.Services;

/// <summary>What a visitor may do with a sandbox: nothing, watch and read it (a view link), or everything (its owner).</summary>
public enum SandboxAccess
{
    None,
    Viewer,
    Owner,
}

/// <summary>Why a sandbox's stream of writes ended for a subscriber that did not end it itself.</summary>
public enum SandboxStreamEnd
{
    /// <summary>The sandbox went back to its starting state: load it again from a new snapshot.</summary>
    Reset,

    /// <summary>The view link the subscriber came with was revoked by the owner.</summary>
    Revoked,

    /// <summary>The owner deleted the sandbox.</summary>
    Deleted,
}
