namespace Playground.Client.Classrooms;

/// <summary>The server's messages ("classroom "x" is closed: …") as sentences on a page.</summary>
public static class Sentences
{
    public static string Capitalized(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }
}
