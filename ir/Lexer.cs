using System.Globalization;
using System.Text;

namespace Testbed.IR;

internal enum TokenKind
{
    /// <summary>A bare run of name characters: keywords, mnemonics, primitive types, numbers, labels, bare names.</summary>
    Word,
    /// <summary>A quoted string; Text holds the unescaped contents.</summary>
    String,
    /// <summary><c>%name</c>: a value or a struct type, depending on where it stands.</summary>
    Local,
    /// <summary><c>@name</c>: a function or global, or a field offset (<c>@8</c>).</summary>
    Global,
    Punct,
    NewLine,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string punctOrWord) => Kind is TokenKind.Punct or TokenKind.Word && Text == punctOrWord;
    public string Position => $"{Line}:{Column}";

    /// <summary>The token as the printer would write it: <c>%7</c>, <c>@"A::B"</c>, <c>"text"</c>, <c>bb1</c>.</summary>
    public string Spelling => Kind switch
    {
        TokenKind.String => Printer.Quote(Text, force: true),
        TokenKind.Local => "%" + Printer.Quote(Text),
        TokenKind.Global => "@" + Printer.Quote(Text),
        _ => Text,
    };

    /// <summary>How the token reads after "found" in a message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.String => "the string " + Spelling,
        TokenKind.NewLine => "the end of the line",
        TokenKind.End => "the end of the input",
        _ => $"'{Spelling}'",
    };
}

/// <summary>
/// Splits the textual IR into tokens. Newlines are tokens because the format is line-structured:
/// an instruction has no terminator and <c>ret</c> may or may not have an operand. Comments
/// (<c>;</c> to the end of the line) vanish here, so FileCheck lines never reach the parser.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text, string fileName)
    {
        var tokens = new List<Token>();
        int pos = 0, line = 1, lineStart = 0;
        int Column(int at) => at - lineStart + 1;
        DiagnosticException Error(int at, string message) => Parser.Error(fileName, line, Column(at), message);

        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '\n')
            {
                // Blank lines and comment-only lines collapse: the parser sees at most one newline in a row.
                if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.NewLine)
                    tokens.Add(new Token(TokenKind.NewLine, "", line, Column(pos)));
                pos++;
                line++;
                lineStart = pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                pos++;
            }
            else if (c == ';')
            {
                while (pos < text.Length && text[pos] != '\n') pos++;
            }
            else if (c == '"')
            {
                int start = pos;
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref pos, Error), line, Column(start)));
            }
            else if (c is '%' or '@')
            {
                int start = pos++;
                string name;
                if (pos < text.Length && text[pos] == '"') name = ReadString(text, ref pos, Error);
                else if (pos < text.Length && IsWordStart(text[pos])) name = ReadWord(text, ref pos);
                else throw Error(start, $"expected a name after '{c}' (a bare name or a quoted string)");
                tokens.Add(new Token(c == '%' ? TokenKind.Local : TokenKind.Global, name, line, Column(start)));
            }
            else if (c == '-' && pos + 1 < text.Length && text[pos + 1] == '>')
            {
                tokens.Add(new Token(TokenKind.Punct, "->", line, Column(pos)));
                pos += 2;
            }
            else if (IsWordStart(c))
            {
                int start = pos;
                tokens.Add(new Token(TokenKind.Word, ReadWord(text, ref pos), line, Column(start)));
            }
            else if (c is '(' or ')' or '{' or '}' or '[' or ']' or ',' or ':' or '=')
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString(), line, Column(pos)));
                pos++;
            }
            else
            {
                throw Error(pos, $"unexpected character {Printer.Quote(c.ToString(), force: true)}");
            }
        }
        if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.NewLine)
            tokens.Add(new Token(TokenKind.NewLine, "", line, Column(pos)));
        tokens.Add(new Token(TokenKind.End, "", line, Column(pos)));
        return tokens;
    }

    /// <summary>The characters <see cref="Printer.Quote"/> leaves bare, plus signs, which start numbers.</summary>
    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$';
    private static bool IsWordStart(char c) => IsNameChar(c) || c is '-' or '+';

    private static string ReadWord(string text, ref int pos)
    {
        int start = pos;
        // Only numbers contain signs ("-5", "1E+300", "-inf"); bare names never do, so "a-b" cannot occur.
        bool number = char.IsAsciiDigit(text[pos]) || text[pos] is '-' or '+';
        pos++;
        while (pos < text.Length && (IsNameChar(text[pos]) || (number && text[pos] is '-' or '+' && text[pos - 1] is 'e' or 'E')))
            pos++;
        return text[start..pos];
    }

    private static string ReadString(string text, ref int pos, Func<int, string, DiagnosticException> error)
    {
        int open = pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (pos >= text.Length || text[pos] == '\n') throw error(open, "unterminated string: the closing '\"' is missing on this line");
            char c = text[pos];
            if (c == '"') { pos++; return sb.ToString(); }
            if (c != '\\') { sb.Append(c); pos++; continue; }
            char e = pos + 1 < text.Length ? text[pos + 1] : '\0';
            switch (e)
            {
                case '"': sb.Append('"'); pos += 2; break;
                case '\\': sb.Append('\\'); pos += 2; break;
                case 'n': sb.Append('\n'); pos += 2; break;
                case 'r': sb.Append('\r'); pos += 2; break;
                case 't': sb.Append('\t'); pos += 2; break;
                case 'u' when pos + 6 <= text.Length && text.AsSpan(pos + 2, 4).ToString().All(char.IsAsciiHexDigit):
                    sb.Append((char)Convert.ToInt32(text.Substring(pos + 2, 4), 16));
                    pos += 6;
                    break;
                case 'u':
                    throw error(pos, "bad escape '\\u': it needs exactly four hexadecimal digits (\\u00e9)");
                default:
                    var shown = e is '\0' or '\n' or '\r' ? "\\" : "\\" + e;
                    throw error(pos, $"bad escape '{shown}' in a string; the escapes are \\\" \\\\ \\n \\r \\t and \\uXXXX");
            }
        }
    }
}

/// <summary>The parser's view of the tokens: look-ahead, expectations, and errors phrased as "expected X, found Y".</summary>
internal sealed class TokenCursor
{
    private readonly List<Token> tokens;
    private readonly string fileName;
    private int pos;

    public TokenCursor(List<Token> tokens, string fileName)
    {
        this.tokens = tokens;
        this.fileName = fileName;
    }

    public Token Peek => tokens[pos];
    public Token PeekAt(int ahead) => tokens[Math.Min(pos + ahead, tokens.Count - 1)];
    public bool AtLineEnd => Peek.Kind is TokenKind.NewLine or TokenKind.End;

    public Token Next()
    {
        var t = tokens[pos];
        if (t.Kind != TokenKind.End) pos++;
        return t;
    }

    public DiagnosticException ErrorAt(Token t, string message) => Parser.Error(fileName, t.Line, t.Column, message);
    public DiagnosticException Expected(string what) => ErrorAt(Peek, $"expected {what}, found {Peek.Describe()}");

    public bool Accept(string punctOrWord)
    {
        if (!Peek.Is(punctOrWord)) return false;
        Next();
        return true;
    }

    public Token Expect(string punctOrWord) => Peek.Is(punctOrWord) ? Next() : throw Expected($"'{punctOrWord}'");
    public Token ExpectKind(TokenKind kind, string what) => Peek.Kind == kind ? Next() : throw Expected(what);
    /// <summary>A name the printer writes with <see cref="Printer.Quote"/>: bare or quoted.</summary>
    public Token ExpectName(string what) => Peek.Kind is TokenKind.Word or TokenKind.String ? Next() : throw Expected(what);

    public bool PeekInt(out int value) =>
        int.TryParse(Peek.Kind == TokenKind.Word ? Peek.Text : null, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public int ExpectInt(string what)
    {
        if (!PeekInt(out var value)) throw Expected(what);
        Next();
        return value;
    }

    public long ExpectLong(string what)
    {
        if (!long.TryParse(Peek.Kind == TokenKind.Word ? Peek.Text : null, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Expected(what);
        Next();
        return value;
    }

    public void EndOfLine()
    {
        if (Peek.Kind == TokenKind.End) return;
        if (Peek.Kind != TokenKind.NewLine) throw Expected("the end of the line");
        Next();
    }

    public void SkipNewLines()
    {
        while (Peek.Kind == TokenKind.NewLine) Next();
    }
}
