using System;
using System.Runtime.CompilerServices;

// A call-heavy workload whose callees may throw (bounds checks, checked arithmetic, virtual calls),
// none of which does: what explicit exception propagation costs on the path that does not throw is
// the test after each such call. Prints a checksum so that the two builds can be checked to agree.
abstract class Expr { public abstract long Eval(long x); }
sealed class Const : Expr { private readonly long v; public Const(long v) { this.v = v; } public override long Eval(long x) => v; }
sealed class Var : Expr { public override long Eval(long x) => x; }
sealed class Add : Expr
{
    private readonly Expr l, r;
    public Add(Expr l, Expr r) { this.l = l; this.r = r; }
    public override long Eval(long x) => checked(l.Eval(x) + r.Eval(x));
}
sealed class Mul : Expr
{
    private readonly Expr l, r;
    public Mul(Expr l, Expr r) { this.l = l; this.r = r; }
    public override long Eval(long x) => (l.Eval(x) * r.Eval(x)) % 1_000_003;
}

static class Program
{
    static readonly int[] Table = new int[256];

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Lookup(int i) => Table[i & 255];

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Fib(int n) => n < 2 ? Lookup(n) + n : Fib(n - 1) + Fib(n - 2);

    static int Main()
    {
        for (int i = 0; i < Table.Length; i++) Table[i] = i % 7;
        Expr e = new Var();
        for (int i = 1; i <= 12; i++) e = i % 2 == 0 ? new Add(e, new Const(i)) : new Mul(e, new Add(new Var(), new Const(i)));
        long sum = 0;
        for (long x = 0; x < 4_000_000; x++) sum += e.Eval(x);
        long fib = 0;
        for (int k = 0; k < 60; k++) fib += Fib(24);
        Console.WriteLine(sum);
        Console.WriteLine(fib);
        return (int)((sum ^ fib) & 0x7F);
    }
}
