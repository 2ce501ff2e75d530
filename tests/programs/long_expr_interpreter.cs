// A small expression language: tokenizer, recursive-descent parser to an AST of classes with a
// virtual Eval, variables in an environment chain, assignments, comparison and a ternary.
using System;

class Env
{
    string[] names = new string[16]; long[] values = new long[16]; int n;
    public long Get(string name) { for (int i = 0; i < n; i++) if (names[i] == name) return values[i]; throw new InvalidOperationException("undefined variable " + name); }
    public void Set(string name, long v) { for (int i = 0; i < n; i++) if (names[i] == name) { values[i] = v; return; } names[n] = name; values[n++] = v; }
}

abstract class Expr { public abstract long Eval(Env e); public abstract string Show(); }
class Num : Expr { long v; public Num(long v) { this.v = v; } public override long Eval(Env e) => v; public override string Show() => v.ToString(); }
class Var : Expr { public string Name; public Var(string n) { Name = n; } public override long Eval(Env e) => e.Get(Name); public override string Show() => Name; }
class Assign : Expr
{
    string name; Expr value; public Assign(string n, Expr v) { name = n; value = v; }
    public override long Eval(Env e) { long v = value.Eval(e); e.Set(name, v); return v; }
    public override string Show() => "(" + name + " = " + value.Show() + ")";
}
class Bin : Expr
{
    char op; Expr l, r; public Bin(char op, Expr l, Expr r) { this.op = op; this.l = l; this.r = r; }
    public override long Eval(Env e)
    {
        long a = l.Eval(e), b = r.Eval(e);
        switch (op)
        {
            case '+': return a + b;
            case '-': return a - b;
            case '*': return a * b;
            case '/': if (b == 0) throw new DivideByZeroException(); return a / b;
            case '%': return a % b;
            case '<': return a < b ? 1 : 0;
            case '>': return a > b ? 1 : 0;
            case '=': return a == b ? 1 : 0;
            default: throw new NotSupportedException("op " + op);
        }
    }
    public override string Show() => "(" + l.Show() + " " + op + " " + r.Show() + ")";
}
class Neg : Expr { Expr x; public Neg(Expr x) { this.x = x; } public override long Eval(Env e) => -x.Eval(e); public override string Show() => "-" + x.Show(); }
class Cond : Expr
{
    Expr c, a, b; public Cond(Expr c, Expr a, Expr b) { this.c = c; this.a = a; this.b = b; }
    public override long Eval(Env e) => c.Eval(e) != 0 ? a.Eval(e) : b.Eval(e);
    public override string Show() => "(" + c.Show() + " ? " + a.Show() + " : " + b.Show() + ")";
}

class Parser
{
    string s; int p;
    public Parser(string s) { this.s = s; }
    void Ws() { while (p < s.Length && s[p] == ' ') p++; }
    char Peek() { Ws(); return p < s.Length ? s[p] : '\0'; }
    public Expr Parse() { var e = Assignment(); if (Peek() != '\0') throw new FormatException("trailing input at " + p); return e; }
    Expr Assignment()
    {
        int save = p;
        if (char.IsAsciiLetter(Peek()))
        {
            string id = Ident();
            if (Peek() == '=' && (p + 1 >= s.Length || s[p + 1] != '=')) { p++; return new Assign(id, Assignment()); }
            p = save;
        }
        return Ternary();
    }
    Expr Ternary()
    {
        var c = Comparison();
        if (Peek() == '?') { p++; var a = Assignment(); if (Peek() != ':') throw new FormatException("expected :"); p++; var b = Assignment(); return new Cond(c, a, b); }
        return c;
    }
    Expr Comparison()
    {
        var l = Sum();
        while (true)
        {
            char c = Peek();
            if (c == '<' || c == '>') { p++; l = new Bin(c, l, Sum()); }
            else if (c == '=' && p + 1 < s.Length && s[p + 1] == '=') { p += 2; l = new Bin('=', l, Sum()); }
            else return l;
        }
    }
    Expr Sum() { var l = Term(); while (Peek() == '+' || Peek() == '-') { char c = s[p++]; l = new Bin(c, l, Term()); } return l; }
    Expr Term() { var l = Unary(); while (Peek() == '*' || Peek() == '/' || Peek() == '%') { char c = s[p++]; l = new Bin(c, l, Unary()); } return l; }
    Expr Unary() { if (Peek() == '-') { p++; return new Neg(Unary()); } return Primary(); }
    string Ident() { Ws(); int st = p; while (p < s.Length && (char.IsAsciiLetter(s[p]) || char.IsAsciiDigit(s[p]))) p++; return s.Substring(st, p - st); }
    Expr Primary()
    {
        char c = Peek();
        if (c == '(') { p++; var e = Assignment(); if (Peek() != ')') throw new FormatException("expected ) at " + p); p++; return e; }
        if (char.IsAsciiDigit(c)) { long v = 0; while (p < s.Length && char.IsAsciiDigit(s[p])) v = v * 10 + (s[p++] - '0'); return new Num(v); }
        if (char.IsAsciiLetter(c)) return new Var(Ident());
        throw new FormatException("unexpected '" + c + "' at " + p);
    }
}

static class Program
{
    static int Main()
    {
        string[] lines = {
            "x = 6 * 7",
            "y = x - 2 * (3 + 4)",
            "x / 5 + x % 5",
            "z = -y + 100",
            "x > y ? x * 2 : y * 2",
            "a = b = 3",
            "a * b * (a + b)",
            "f = (x == 42) + (y < 0) * 10",
            "n = 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10",
            "q / (a - 3)",
            "w + 1",
            "(1 + 2",
            "3 $ 4",
        };
        var env = new Env();
        long acc = 0; int errors = 0;
        foreach (var line in lines)
        {
            try
            {
                var e = new Parser(line).Parse();
                long v = e.Eval(env);
                Console.WriteLine(e.Show() + " => " + v);
                acc = acc * 31 + v;
            }
            catch (FormatException ex) { errors++; Console.WriteLine("syntax error: " + ex.Message); }
            catch (DivideByZeroException ex) { errors++; Console.WriteLine("runtime error: " + ex.Message); }
            catch (InvalidOperationException ex) { errors++; Console.WriteLine("runtime error: " + ex.Message); }
        }
        // a loop written in the language, driven from C#
        var step = new Parser("s = s + i * i").Parse();
        var inc = new Parser("i = i + 1").Parse();
        env.Set("s", 0); env.Set("i", 1);
        while (env.Get("i") <= 20) { step.Eval(env); inc.Eval(env); }
        Console.WriteLine("sum of squares " + env.Get("s"));
        Console.WriteLine("acc " + acc + " errors " + errors);
        return (int)((acc & 0x7F) + errors);
    }
}
