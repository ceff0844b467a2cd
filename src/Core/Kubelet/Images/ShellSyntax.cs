using System.Text;

namespace Playground.Core.Kubelet.Images;

/// <summary>A word of a script; single-quoted (and exec-form) words are literal, others expand variables.</summary>
internal sealed record ShellWord(string Text, bool Quoted, bool Literal = false, bool Operator = false);

/// <summary>A statement of a script, with the operator that joins it to the one before.</summary>
internal abstract record ShellStatement
{
    /// <summary>The operator before this statement: ";" or "&&" or "||".</summary>
    public string Condition { get; init; } = ";";

    public sealed record Simple(IReadOnlyList<ShellWord> Words) : ShellStatement;
    public sealed record While(IReadOnlyList<ShellStatement> Test, IReadOnlyList<ShellStatement> Body) : ShellStatement;
    public sealed record For(string Variable, IReadOnlyList<ShellWord> Values, IReadOnlyList<ShellStatement> Body) : ShellStatement;
}

/// <summary>The grammar ShellScript understands: simple commands joined by ; && || | &, while … do … done, for … in … do … done.</summary>
internal static class ShellSyntax
{
    public static List<ShellStatement> Parse(string script) => new Parser(Tokenize(script)).List();

    /// <summary>Splits a script into words and operators (; && || | & and newlines), honouring quotes and backslashes.</summary>
    private static List<ShellWord> Tokenize(string script)
    {
        var tokens = new List<ShellWord>();
        var current = new StringBuilder();
        var inWord = false;
        var literal = true;
        var anyQuote = false;
        void Flush()
        {
            if (inWord) tokens.Add(new ShellWord(current.ToString(), anyQuote, Literal: literal && anyQuote));
            current.Clear();
            inWord = false;
            literal = true;
            anyQuote = false;
        }
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c == '\'')
            {
                var end = script.IndexOf('\'', i + 1);
                if (end < 0) end = script.Length;
                current.Append(script[(i + 1)..end]);
                inWord = anyQuote = true;
                i = end;
            }
            else if (c == '"')
            {
                var j = i + 1;
                while (j < script.Length && script[j] != '"')
                {
                    if (script[j] == '\\' && j + 1 < script.Length) j++;
                    current.Append(script[j]);
                    j++;
                }
                inWord = anyQuote = true;
                literal = false;
                i = j;
            }
            else if (c == '\\' && i + 1 < script.Length)
            {
                current.Append(script[++i]);
                inWord = true;
            }
            else if (c is ';' or '\n' or '|' or '&')
            {
                Flush();
                var op = c == '&' && i + 1 < script.Length && script[i + 1] == '&' ? "&&"
                    : c == '|' && i + 1 < script.Length && script[i + 1] == '|' ? "||"
                    : c == '\n' || c == '&' ? ";" : c.ToString();
                if (op.Length == 2) i++;
                tokens.Add(new ShellWord(op, Quoted: false, Operator: true));
            }
            else if (char.IsWhiteSpace(c)) Flush();
            else
            {
                current.Append(c);
                inWord = true;
                literal = false;
            }
        }
        Flush();
        return tokens;
    }

    /// <summary>Builds statements from tokens: simple commands, while … do … done, for … in … do … done.</summary>
    private sealed class Parser(List<ShellWord> tokens)
    {
        private int _position;

        public List<ShellStatement> List(params string[] terminators)
        {
            var statements = new List<ShellStatement>();
            var condition = ";";
            while (_position < tokens.Count)
            {
                var token = tokens[_position];
                if (IsOperator(token, out var op))
                {
                    _position++;
                    // A pipe feeds the next command; only the first command's output reaches the log.
                    if (op == "|") SkipCommand();
                    else condition = op;
                    continue;
                }
                if (!token.Quoted && terminators.Contains(token.Text)) break;
                var statement = Statement();
                statements.Add(statement with { Condition = condition });
                condition = ";";
            }
            return statements;
        }

        private ShellStatement Statement()
        {
            var first = tokens[_position];
            if (!first.Quoted && first.Text is "while" or "until")
            {
                _position++;
                var condition = List("do");
                Expect("do");
                var body = List("done");
                Expect("done");
                return new ShellStatement.While(condition, body);
            }
            if (!first.Quoted && first.Text == "for" && _position + 2 < tokens.Count)
            {
                var variable = tokens[_position + 1].Text;
                _position += 2;
                Expect("in");
                var values = new List<ShellWord>();
                while (_position < tokens.Count && !IsOperator(tokens[_position], out _) && tokens[_position].Text != "do") values.Add(tokens[_position++]);
                while (_position < tokens.Count && IsOperator(tokens[_position], out _)) _position++;
                Expect("do");
                var body = List("done");
                Expect("done");
                return new ShellStatement.For(variable, values, body);
            }
            var words = new List<ShellWord>();
            while (_position < tokens.Count && !IsOperator(tokens[_position], out _)) words.Add(tokens[_position++]);
            return new ShellStatement.Simple(words);
        }

        private void SkipCommand()
        {
            while (_position < tokens.Count && !IsOperator(tokens[_position], out _)) _position++;
        }

        private void Expect(string keyword)
        {
            while (_position < tokens.Count && IsOperator(tokens[_position], out _)) _position++;
            if (_position < tokens.Count && tokens[_position].Text == keyword) _position++;
        }

        private static bool IsOperator(ShellWord token, out string op)
        {
            op = token.Operator ? token.Text : "";
            return token.Operator;
        }
    }
}
