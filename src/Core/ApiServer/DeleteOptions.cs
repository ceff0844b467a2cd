namespace Playground.Core.ApiServer;

/// <summary>meta/v1 DeleteOptions: how long to wait, and what happens to dependents.</summary>
public sealed class DeleteOptions
{
    public long? GracePeriodSeconds { get; set; }

    /// <summary>"Background" (the default), "Foreground" or "Orphan".</summary>
    public string? PropagationPolicy { get; set; }

    public Preconditions? Preconditions { get; set; }
}

public sealed class Preconditions
{
    public string? Uid { get; set; }
    public string? ResourceVersion { get; set; }
}
