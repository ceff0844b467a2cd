using System.Text;

namespace Playground.Core.Kubectl.Parsing;

/// <summary>One command as the terminal understood it: the program, its arguments, and what its standard input holds.</summary>
public sealed record ShellCommand(string Program, IReadOnlyList<string> Args, string? Stdin);

/// <summary>
/// The small part of a POSIX shell that a kubectl terminal needs: words with quotes and escapes, comments, line
/// continuations, heredocs (<c>kubectl apply -f - &lt;&lt;EOF</c>), here-strings, and the one pipe people type with
/// them (<c>cat &lt;&lt;EOF | kubectl apply -f -</c>, <c>echo ... | kubectl ...</c>).
/// </summary>
public static class ShellParser
{
    /// <summary>Exit code bash uses for a syntax error.</summary>
    private const int SyntaxError = 2;

    public static ShellCommand Parse(string text)
    {
        var scanner = new Scanner(text.Replace("\r\n", "\n").TrimStart());
        var segments = scanner.ReadCommandLine();
        foreach (var segment in segments)
        foreach (var heredoc in segment.HereDocs)
            heredoc.Body = scanner.ReadHereDocBody(heredoc);
        if (!string.IsNullOrWhiteSpace(scanner.Rest))
            throw new KubectlException("error: one command at a time, please: this terminal runs a single command per line", SyntaxError);
        return Combine(segments);
    }

    private static ShellCommand Combine(List<Segment> segments)
    {
        if (segments.Any(s => s.Words.Count == 0))
            throw new KubectlException(segments.Count == 1 && segments[0].HereDocs.Count == 0 && segments[0].HereString is null
                ? "error: no command given; try \"kubectl get pods\""
                : "bash: syntax error near unexpected token `|'", SyntaxError);
        if (segments.Count > 2)
            throw Unsupported();

        var last = segments[^1];
        var stdin = last.Stdin;
        if (segments.Count == 2)
            stdin ??= Output(segments[0]);
        return new ShellCommand(last.Words[0], last.Words.Skip(1).ToList(), stdin);
    }

    /// <summary>What the first command of a pipe writes: the two that feed manifests to kubectl.</summary>
    private static string Output(Segment source)
    {
        var words = source.Words;
        switch (words[0])
        {
            case "cat" when words.Count == 1 || (words.Count == 2 && words[1] == "-"):
                return source.Stdin ?? "";
            case "echo":
                var newline = words.Count < 2 || words[1] != "-n";
                var text = string.Join(' ', words.Skip(newline ? 1 : 2));
                return newline ? text + "\n" : text;
            default:
                throw Unsupported();
        }
    }

    private static KubectlException Unsupported() =>
        new("error: this terminal pipes only \"cat <<EOF | kubectl ...\" and \"echo ... | kubectl ...\"", SyntaxError);

    private sealed class Segment
    {
        public List<string> Words { get; } = [];
        public List<HereDoc> HereDocs { get; } = [];
        public string? HereString { get; set; }

        /// <summary>As in bash, the last redirection of standard input wins.</summary>
        public string? Stdin => HereString ?? HereDocs.LastOrDefault()?.Body;
    }

    private sealed class HereDoc(string delimiter, bool stripTabs)
    {
        public string Delimiter { get; } = delimiter;
        public bool StripTabs { get; } = stripTabs;
        public string? Body { get; set; }
    }

    private sealed class Scanner(string text)
    {
        private int _pos;

        public string Rest => text[_pos..];

        public List<Segment> ReadCommandLine()
        {
            var segments = new List<Segment> { new() };
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t') { _pos++; continue; }
                if (c == '\n') { _pos++; break; }
                if (c == '\\' && Peek(1) == '\n') { _pos += 2; continue; }
                if (c == '#') { SkipComment(); continue; }
                switch (c)
                {
                    case '|' when Peek(1) == '|':
                    case '&':
                    case ';':
                        throw new KubectlException("error: one command at a time, please: this terminal does not run ';', '&&' or '||'", SyntaxError);
                    case '>':
                        throw new KubectlException("error: this terminal cannot write files; output redirection ('>') is not supported", SyntaxError);
                    case '|':
                        _pos++;
                        segments.Add(new Segment());
                        continue;
                    case '<':
                        ReadRedirection(segments[^1]);
                        continue;
                }
                segments[^1].Words.Add(ReadWord());
            }
            return segments;
        }

        private void ReadRedirection(Segment segment)
        {
            if (Peek(1) != '<')
                throw new KubectlException("error: this terminal has no files; give a manifest with a heredoc: kubectl apply -f - <<EOF", SyntaxError);
            if (Peek(2) == '<')
            {
                _pos += 3;
                SkipBlanks();
                segment.HereString = ReadWord() + "\n";
                return;
            }
            _pos += 2;
            var stripTabs = Peek(0) == '-';
            if (stripTabs) _pos++;
            SkipBlanks();
            if (_pos >= text.Length || text[_pos] is '\n' or '|' or '<' or '>' or ';' or '&')
                throw new KubectlException("bash: syntax error near unexpected token `newline'", SyntaxError);
            segment.HereDocs.Add(new HereDoc(ReadWord(), stripTabs));
        }

        /// <summary>Reads lines up to the delimiter; like bash, a missing delimiter ends the document at the end of input.</summary>
        public string ReadHereDocBody(HereDoc heredoc)
        {
            var body = new StringBuilder();
            while (_pos < text.Length)
            {
                var end = text.IndexOf('\n', _pos);
                var line = end < 0 ? text[_pos..] : text[_pos..end];
                _pos = end < 0 ? text.Length : end + 1;
                if (heredoc.StripTabs) line = line.TrimStart('\t');
                if (line == heredoc.Delimiter) break;
                body.Append(line).Append('\n');
            }
            return body.ToString();
        }

        private string ReadWord()
        {
            var word = new StringBuilder();
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t' or '\n' or '|' or '<' or '>' or ';' or '&') break;
                _pos++;
                switch (c)
                {
                    case '\\':
                        if (_pos < text.Length && text[_pos] != '\n') word.Append(text[_pos]);
                        _pos++;
                        break;
                    case '\'':
                        var close = text.IndexOf('\'', _pos);
                        if (close < 0) throw Unterminated('\'');
                        word.Append(text, _pos, close - _pos);
                        _pos = close + 1;
                        break;
                    case '"':
                        ReadDoubleQuoted(word);
                        break;
                    default:
                        word.Append(c);
                        break;
                }
            }
            return word.ToString();
        }

        /// <summary>Inside double quotes a backslash escapes only $ ` " \ and newline, as in POSIX sh.</summary>
        private void ReadDoubleQuoted(StringBuilder word)
        {
            while (_pos < text.Length)
            {
                var c = text[_pos++];
                if (c == '"') return;
                if (c == '\\' && _pos < text.Length && text[_pos] is '$' or '`' or '"' or '\\' or '\n')
                {
                    if (text[_pos] != '\n') word.Append(text[_pos]);
                    _pos++;
                    continue;
                }
                word.Append(c);
            }
            throw Unterminated('"');
        }

        private static KubectlException Unterminated(char quote) =>
            new($"bash: unexpected EOF while looking for matching `{quote}'", SyntaxError);

        private void SkipComment()
        {
            var end = text.IndexOf('\n', _pos);
            _pos = end < 0 ? text.Length : end;
        }

        private void SkipBlanks()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t') _pos++;
        }

        private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';
    }
}
