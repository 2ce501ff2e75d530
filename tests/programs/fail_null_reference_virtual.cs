using System;

// A virtual call on null raises NullReferenceException, unhandled here.
abstract class Op { public abstract int Apply(int x); }
sealed class Inc : Op { public override int Apply(int x) => x + 1; }

static class Program
{
    static int Main()
    {
        Op[] ops = { new Inc(), new Inc(), null };
        int v = 0;
        foreach (var op in ops)
        {
            v = op.Apply(v);
            Console.WriteLine(v);
        }
        return v;
    }
}
