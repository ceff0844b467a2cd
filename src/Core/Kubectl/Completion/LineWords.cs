using System.Text;

namespace Playground.Core.Kubectl.Completion;

/// <summary>Splits the text before the cursor into the words of its last command, as a shell would see them.</summary>
internal static class LineWords
{
    /// <summary>
    /// The words of the command after the last pipe; the last one is the word being typed ("" after a space). Null when
    /// that word is quoted or escaped: completion then offers nothing rather than break the quoting.
    /// </summary>
    public static IReadOnlyList<string>? Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var raw = true; // the word being typed has no quote or escape in it
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'' or '"':
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0) return null;
                    word.Append(text, i + 1, end - i - 1);
                    i = end;
                    raw = false;
                    break;
                case '\\':
                    if (i + 1 < text.Length) word.Append(text[++i]);
                    raw = false;
                    break;
                case ' ' or '\t':
                    if (word.Length > 0 || !raw) words.Add(word.ToString());
                    word.Clear();
                    raw = true;
                    break;
                case '|' or ';' or '&' or '\n':
                    words.Clear();
                    word.Clear();
                    raw = true;
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }
        if (!raw) return null;
        words.Add(word.ToString());
        return words;
    }
}
