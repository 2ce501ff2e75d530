// A JSON tokenizer, a recursive-descent parser to a tree of node classes, and a pretty-printer;
// prints the tokens, the re-indented document and a few computed statistics.
using System;

enum TokKind { LBrace, RBrace, LBracket, RBracket, Colon, Comma, Str, Num, True, False, Null, End }

class Token
{
    public TokKind Kind; public string Text;
    public Token(TokKind k, string t) { Kind = k; Text = t; }
}

class Lexer
{
    string src; int pos;
    public Lexer(string s) { src = s; pos = 0; }
    public Token Next()
    {
        while (pos < src.Length && (src[pos] == ' ' || src[pos] == '\n' || src[pos] == '\t')) pos++;
        if (pos >= src.Length) return new Token(TokKind.End, "");
        char c = src[pos];
        switch (c)
        {
            case '{': pos++; return new Token(TokKind.LBrace, "{");
            case '}': pos++; return new Token(TokKind.RBrace, "}");
            case '[': pos++; return new Token(TokKind.LBracket, "[");
            case ']': pos++; return new Token(TokKind.RBracket, "]");
            case ':': pos++; return new Token(TokKind.Colon, ":");
            case ',': pos++; return new Token(TokKind.Comma, ",");
            case '"':
                {
                    int start = ++pos;
                    while (src[pos] != '"') { if (src[pos] == '\\') pos++; pos++; }
                    string s = src.Substring(start, pos - start);
                    pos++;
                    return new Token(TokKind.Str, s);
                }
        }
        if (c == '-' || (c >= '0' && c <= '9'))
        {
            int start = pos++;
            while (pos < src.Length && ((src[pos] >= '0' && src[pos] <= '9') || src[pos] == '.')) pos++;
            return new Token(TokKind.Num, src.Substring(start, pos - start));
        }
        int ws = pos;
        while (pos < src.Length && src[pos] >= 'a' && src[pos] <= 'z') pos++;
        string word = src.Substring(ws, pos - ws);
        if (word == "true") return new Token(TokKind.True, word);
        if (word == "false") return new Token(TokKind.False, word);
        if (word == "null") return new Token(TokKind.Null, word);
        throw new Exception("bad token at " + ws);
    }
}

abstract class JNode { public abstract void Print(int indent); public abstract int Count(); }
class JValue : JNode
{
    public string Text; public bool Quoted;
    public JValue(string t, bool q) { Text = t; Quoted = q; }
    public override void Print(int indent) { if (Quoted) { Console.Write('"'); Console.Write(Text); Console.Write('"'); } else Console.Write(Text); }
    public override int Count() => 1;
}
class JArray : JNode
{
    public JNode[] Items = new JNode[4]; public int N;
    public void Add(JNode n) { if (N == Items.Length) { var b = new JNode[N * 2]; for (int i = 0; i < N; i++) b[i] = Items[i]; Items = b; } Items[N++] = n; }
    public override void Print(int indent)
    {
        if (N == 0) { Console.Write("[]"); return; }
        Console.WriteLine("[");
        for (int i = 0; i < N; i++)
        {
            Pad(indent + 1); Items[i].Print(indent + 1);
            Console.WriteLine(i + 1 < N ? "," : "");
        }
        Pad(indent); Console.Write("]");
    }
    public override int Count() { int c = 1; for (int i = 0; i < N; i++) c += Items[i].Count(); return c; }
    public static void Pad(int n) { for (int i = 0; i < n; i++) Console.Write("  "); }
}
class JObject : JNode
{
    public string[] Keys = new string[4]; public JNode[] Vals = new JNode[4]; public int N;
    public void Add(string k, JNode v)
    {
        if (N == Keys.Length)
        {
            var k2 = new string[N * 2]; var v2 = new JNode[N * 2];
            for (int i = 0; i < N; i++) { k2[i] = Keys[i]; v2[i] = Vals[i]; }
            Keys = k2; Vals = v2;
        }
        Keys[N] = k; Vals[N] = v; N++;
    }
    public override void Print(int indent)
    {
        Console.WriteLine("{");
        for (int i = 0; i < N; i++)
        {
            JArray.Pad(indent + 1); Console.Write("\"" + Keys[i] + "\": "); Vals[i].Print(indent + 1);
            Console.WriteLine(i + 1 < N ? "," : "");
        }
        JArray.Pad(indent); Console.Write("}");
    }
    public override int Count() { int c = 1; for (int i = 0; i < N; i++) c += Vals[i].Count(); return c; }
}

class Parser
{
    Lexer lex; Token cur;
    public int TokenCount;
    public Parser(string s) { lex = new Lexer(s); Advance(); }
    void Advance() { cur = lex.Next(); TokenCount++; }
    void Expect(TokKind k) { if (cur.Kind != k) throw new Exception("expected " + k + " got " + cur.Kind); Advance(); }
    public JNode ParseValue()
    {
        switch (cur.Kind)
        {
            case TokKind.LBrace:
                {
                    Advance(); var o = new JObject();
                    while (cur.Kind != TokKind.RBrace)
                    {
                        string k = cur.Text; Expect(TokKind.Str); Expect(TokKind.Colon);
                        o.Add(k, ParseValue());
                        if (cur.Kind == TokKind.Comma) Advance();
                    }
                    Advance(); return o;
                }
            case TokKind.LBracket:
                {
                    Advance(); var a = new JArray();
                    while (cur.Kind != TokKind.RBracket) { a.Add(ParseValue()); if (cur.Kind == TokKind.Comma) Advance(); }
                    Advance(); return a;
                }
            case TokKind.Str: { var v = new JValue(cur.Text, true); Advance(); return v; }
            default: { var v = new JValue(cur.Text, false); Advance(); return v; }
        }
    }
}

static class Program
{
    static int SumNumbers(JNode n)
    {
        if (n is JValue v && !v.Quoted && v.Text.Length > 0 && (v.Text[0] == '-' || (v.Text[0] >= '0' && v.Text[0] <= '9')))
        {
            int s = 0, sign = 1, i = 0;
            if (v.Text[0] == '-') { sign = -1; i = 1; }
            for (; i < v.Text.Length && v.Text[i] != '.'; i++) s = s * 10 + (v.Text[i] - '0');
            return s * sign;
        }
        if (n is JArray a) { int t = 0; for (int i = 0; i < a.N; i++) t += SumNumbers(a.Items[i]); return t; }
        if (n is JObject o) { int t = 0; for (int i = 0; i < o.N; i++) t += SumNumbers(o.Vals[i]); return t; }
        return 0;
    }

    static int Main()
    {
        string doc = "{\"name\":\"testbed\",\"version\":3,\"tags\":[\"compiler\",\"llvm\",\"c#\"],\"nested\":{\"a\":[1,2,[3,-4]],\"b\":null,\"ok\":true,\"no\":false,\"pi\":3.14},\"empty\":[],\"esc\":\"say \\\"hi\\\"\"}";
        var lex = new Lexer(doc);
        int kinds = 0;
        for (Token t = lex.Next(); t.Kind != TokKind.End; t = lex.Next())
        {
            Console.Write(t.Kind.ToString()); Console.Write(' ');
            kinds = kinds * 31 + (int)t.Kind + t.Text.Length;
        }
        Console.WriteLine();
        Console.WriteLine("token hash " + kinds);
        var p = new Parser(doc);
        JNode root = p.ParseValue();
        root.Print(0);
        Console.WriteLine();
        Console.WriteLine("tokens " + p.TokenCount);
        Console.WriteLine("nodes " + root.Count());
        int sum = SumNumbers(root);
        Console.WriteLine("sum " + sum);
        try { new Parser("{\"a\" 1}").ParseValue(); }
        catch (Exception e) { Console.WriteLine("error: " + e.Message); }
        return (root.Count() * 7 + sum) & 0xFF;
    }
}
