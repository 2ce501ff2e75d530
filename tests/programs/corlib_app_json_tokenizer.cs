// A JSON tokenizer and recursive-descent parser into Dictionary/List/long/double/string/bool/null,
// with escapes (\n, \", \u00e9, surrogate pairs), errors reported as FormatException, a re-serializer
// through StringBuilder, and UTF-8 byte counts of the output.
using System;
using System.Collections.Generic;
using System.Text;

enum Kind { LBrace, RBrace, LBracket, RBracket, Colon, Comma, String, Number, True, False, Null, End }

struct Token
{
    public Kind Kind;
    public string Text;
    public int Offset;
    // Enum names need metadata the Testbed image does not carry yet (docs/language-support.md).
    public static string Name(Kind k) => k switch
    {
        Kind.LBrace => "LBrace", Kind.RBrace => "RBrace", Kind.LBracket => "LBracket", Kind.RBracket => "RBracket",
        Kind.Colon => "Colon", Kind.Comma => "Comma", Kind.String => "String", Kind.Number => "Number",
        Kind.True => "True", Kind.False => "False", Kind.Null => "Null", _ => "End",
    };
    public override string ToString() => Name(Kind) + (Text == null ? "" : ":" + Text);
}

sealed class Lexer
{
    private readonly string src;
    private int pos;
    public Lexer(string src) { this.src = src; }

    public List<Token> All()
    {
        var tokens = new List<Token>();
        while (true)
        {
            Token t = Next();
            tokens.Add(t);
            if (t.Kind == Kind.End) return tokens;
        }
    }

    private Token Next()
    {
        while (pos < src.Length && char.IsWhiteSpace(src[pos])) pos++;
        int start = pos;
        if (pos == src.Length) return new Token { Kind = Kind.End, Offset = pos };
        char c = src[pos++];
        switch (c)
        {
            case '{': return new Token { Kind = Kind.LBrace, Offset = start };
            case '}': return new Token { Kind = Kind.RBrace, Offset = start };
            case '[': return new Token { Kind = Kind.LBracket, Offset = start };
            case ']': return new Token { Kind = Kind.RBracket, Offset = start };
            case ':': return new Token { Kind = Kind.Colon, Offset = start };
            case ',': return new Token { Kind = Kind.Comma, Offset = start };
            case '"': return new Token { Kind = Kind.String, Text = ReadString(), Offset = start };
        }
        if (c == '-' || char.IsDigit(c))
        {
            while (pos < src.Length && (char.IsDigit(src[pos]) || src[pos] == '.' || src[pos] == 'e' || src[pos] == 'E' || src[pos] == '+' || src[pos] == '-')) pos++;
            return new Token { Kind = Kind.Number, Text = src.Substring(start, pos - start), Offset = start };
        }
        if (char.IsLetter(c))
        {
            while (pos < src.Length && char.IsLetter(src[pos])) pos++;
            string word = src.Substring(start, pos - start);
            if (word == "true") return new Token { Kind = Kind.True, Offset = start };
            if (word == "false") return new Token { Kind = Kind.False, Offset = start };
            if (word == "null") return new Token { Kind = Kind.Null, Offset = start };
            throw new FormatException($"unknown literal '{word}' at {start}");
        }
        throw new FormatException($"unexpected '{c}' at {start}");
    }

    private string ReadString()
    {
        var sb = new StringBuilder();
        while (true)
        {
            if (pos >= src.Length) throw new FormatException("unterminated string");
            char c = src[pos++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            char e = src[pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'u': sb.Append((char)int.Parse(src.Substring(pos, 4), System.Globalization.NumberStyles.HexNumber)); pos += 4; break;
                default: throw new FormatException($"bad escape '\\{e}' at {pos - 2}");
            }
        }
    }
}

sealed class Parser
{
    private readonly List<Token> tokens;
    private int i;
    public Parser(List<Token> tokens) { this.tokens = tokens; }

    private Token Expect(Kind kind)
    {
        Token t = tokens[i++];
        if (t.Kind != kind) throw new FormatException($"expected {Token.Name(kind)} but found {Token.Name(t.Kind)} at {t.Offset}");
        return t;
    }

    public object Value()
    {
        Token t = tokens[i++];
        switch (t.Kind)
        {
            case Kind.String: return t.Text;
            case Kind.Number:
                if (long.TryParse(t.Text, out long l)) return l;
                return t.Text;
            case Kind.True: return true;
            case Kind.False: return false;
            case Kind.Null: return null;
            case Kind.LBracket:
            {
                var list = new List<object>();
                if (tokens[i].Kind == Kind.RBracket) { i++; return list; }
                while (true)
                {
                    list.Add(Value());
                    if (tokens[i].Kind == Kind.Comma) { i++; continue; }
                    Expect(Kind.RBracket);
                    return list;
                }
            }
            case Kind.LBrace:
            {
                var map = new Dictionary<string, object>();
                if (tokens[i].Kind == Kind.RBrace) { i++; return map; }
                while (true)
                {
                    string key = Expect(Kind.String).Text;
                    Expect(Kind.Colon);
                    map[key] = Value();
                    if (tokens[i].Kind == Kind.Comma) { i++; continue; }
                    Expect(Kind.RBrace);
                    return map;
                }
            }
        }
        throw new FormatException($"unexpected {Token.Name(t.Kind)} at {t.Offset}");
    }
}

static class Program
{
    static void Write(StringBuilder sb, object v)
    {
        switch (v)
        {
            case null: sb.Append("null"); break;
            case string s:
                sb.Append('"');
                foreach (char c in s)
                {
                    if (c == '"' || c == '\\') sb.Append('\\').Append(c);
                    else if (c == '\n') sb.Append("\\n");
                    else if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                }
                sb.Append('"');
                break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l); break;
            case List<object> list:
                sb.Append('[');
                for (int k = 0; k < list.Count; k++) { if (k > 0) sb.Append(','); Write(sb, list[k]); }
                sb.Append(']');
                break;
            case Dictionary<string, object> map:
                sb.Append('{');
                bool first = true;
                foreach (var pair in map) { if (!first) sb.Append(','); first = false; Write(sb, pair.Key); sb.Append(':'); Write(sb, pair.Value); }
                sb.Append('}');
                break;
        }
    }

    static int Main()
    {
        string json = "{ \"name\": \"Testbed\", \"version\": 4, \"tags\": [\"c#\", \"llvm\", \"qemu\"], \"nested\": {\"ok\": true, \"none\": null, \"neg\": -17, \"float\": 2.5e3},\n" +
            "  \"text\": \"line\\nbreak \\\"quoted\\\" caf\\u00e9 \\ud83d\\ude00\", \"empty\": [], \"obj\": {}, \"name\": \"dup wins\" }";
        var tokens = new Lexer(json).All();
        Console.WriteLine(tokens.Count + " " + tokens[0] + " " + tokens[3] + " " + tokens[tokens.Count - 1]);
        var root = (Dictionary<string, object>)new Parser(tokens).Value();
        Console.WriteLine(root.Count + " " + root["name"] + " " + root["version"] + " " + ((List<object>)root["tags"]).Count);
        var nested = (Dictionary<string, object>)root["nested"];
        Console.WriteLine(nested["ok"] + " " + (nested["none"] == null) + " " + nested["neg"] + " " + nested["float"]);
        string text = (string)root["text"];
        Console.WriteLine(text.Length + " " + text.IndexOf('\n') + " " + Encoding.UTF8.GetByteCount(text));
        var sb = new StringBuilder();
        Write(sb, root);
        string output = sb.ToString();
        Console.WriteLine(output);
        byte[] bytes = Encoding.UTF8.GetBytes(output);
        int checksum = 0;
        foreach (byte b in bytes) checksum = checksum * 31 + b;
        Console.WriteLine(bytes.Length + " " + checksum);
        string[] bad = { "{\"a\" 1}", "[1, 2", "{\"x\": tru}", "\"abc", "[1 @]", "{\"k\": \"\\q\"}" };
        foreach (string s in bad)
        {
            try { new Parser(new Lexer(s).All()).Value(); Console.WriteLine("parsed?"); }
            catch (FormatException e) { Console.WriteLine("error: " + e.Message); }
            catch (ArgumentOutOfRangeException e) { Console.WriteLine("range: " + e.Message); }
        }
        return checksum & 0xFF;
    }
}
