namespace Playground.Server.Sharing;

/// <summary>What a share link grants, as the API spells it.</summary>
public static class ShareAccess
{
    /// <summary>Watch the sandbox live and read it; never change it.</summary>
    public const string View = "view";

    /// <summary>Get a sandbox of one's own that starts as a copy of this one.</summary>
    public const string Fork = "fork";
}
