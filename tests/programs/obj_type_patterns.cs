// Type tests and patterns on class hierarchies: is/as, `is not null`, declaration patterns with
// property patterns, switch expressions over types with when clauses, and casts up and down.
using System;

abstract class Expr { }
class Lit : Expr { public int V; public Lit(int v) { V = v; } }
class Add : Expr { public Expr L, R; public Add(Expr l, Expr r) { L = l; R = r; } }
class Mul : Expr { public Expr L, R; public Mul(Expr l, Expr r) { L = l; R = r; } }
class Neg : Expr { public Expr X; public Neg(Expr x) { X = x; } }

static class Program
{
    static int Eval(Expr e) => e switch
    {
        Lit l => l.V,
        Add a => Eval(a.L) + Eval(a.R),
        Mul { L: Lit { V: 0 } } => 0,
        Mul m => Eval(m.L) * Eval(m.R),
        Neg { X: Neg inner } => Eval(inner.X),
        Neg n => -Eval(n.X),
        _ => throw new ArgumentException("unknown node"),
    };
    static Expr Simplify(Expr e)
    {
        switch (e)
        {
            case Add { L: Lit { V: 0 } } a: return Simplify(a.R);
            case Add { R: Lit { V: 0 } } a: return Simplify(a.L);
            case Mul { L: Lit { V: 1 } } m: return Simplify(m.R);
            case Add a: return new Add(Simplify(a.L), Simplify(a.R));
            case Mul m: return new Mul(Simplify(m.L), Simplify(m.R));
            case Neg { X: Neg n }: return Simplify(n.X);
            default: return e;
        }
    }
    static string Show(Expr e) => e switch
    {
        Lit { V: < 0 } l => "(" + l.V + ")",
        Lit l => l.V.ToString(),
        Add a => "(" + Show(a.L) + " + " + Show(a.R) + ")",
        Mul m => Show(m.L) + " * " + Show(m.R),
        Neg n => "-" + Show(n.X),
        _ => "?",
    };

    static int Main()
    {
        Expr e = new Add(new Lit(0), new Mul(new Lit(1), new Add(new Neg(new Neg(new Lit(7))), new Lit(-2))));
        Console.WriteLine(Show(e) + " = " + Eval(e));
        var s = Simplify(e);
        Console.WriteLine(Show(s) + " = " + Eval(s));
        Console.WriteLine(Eval(new Mul(new Lit(0), new Neg(new Lit(5)))));
        object o = s;
        Console.WriteLine((o is Expr) + " " + (o is Add) + " " + (o is not Lit) + " " + (o as Mul == null));
        Expr maybe = null;
        Console.WriteLine((maybe is not null) + " " + (maybe is Lit) + " " + (s is { } x && x is Add));
        if (s is Add { L: var left, R: Lit { V: var rv } }) Console.WriteLine("left " + Show(left) + " right value " + rv);
        return Eval(s) & 0xFF;
    }
}
