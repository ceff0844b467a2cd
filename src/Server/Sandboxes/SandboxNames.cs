namespace Playground.Server.Sandboxes;

/// <summary>The names owners give their sandboxes in "My sandboxes".</summary>
public static class SandboxNames
{
    public const int MaxLength = 60;

    private const string ForkSuffix = " (fork)";

    /// <summary>The name as stored (trimmed), or why it cannot be one.</summary>
    public static (string? Name, string? Problem) Check(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return (null, "name must not be empty");
        if (trimmed.Length > MaxLength) return (null, $"name must be at most {MaxLength} characters, got {trimmed.Length}");
        if (trimmed.Any(char.IsControl)) return (null, "name must not contain control characters such as line breaks or tabs");
        return (trimmed, null);
    }

    public static string ForkOf(string name) =>
        (name.Length + ForkSuffix.Length <= MaxLength ? name : name[..(MaxLength - ForkSuffix.Length)]) + ForkSuffix;
}
