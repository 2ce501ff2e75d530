// Shapes where "block A dominates block B" does not mean "every instruction of A ran before B":
// a check or call inside a try block leaves its block half-way when it throws. A pass that treats a
// dominating block's check as done (null checks, bounds checks, division, overflow) or a value as
// final (stores before the throw, read in the handler) gets these wrong; CoreCLR's answers decide.
using System;

class Box
{
    public int Value;
    public int Get() => Value;
    public static int Twice(Box b) => b.Value * 2;
}

static class Program
{
    static int score;

    static void Note(string what, int value)
    {
        Console.WriteLine(what + " " + value);
        score = score * 31 + value;
    }

    static void MayThrow(int n)
    {
        if (n % 3 == 0) throw new InvalidOperationException("n=" + n);
    }

    static int NullCheckAfterCatch(Box? b)
    {
        int seen = 0;
        try { seen = b!.Get(); } catch (NullReferenceException) { seen = -1; }
        try { return seen + b!.Value; }         // the first check failed: this one must run again
        catch (NullReferenceException) { return seen - 100; }
    }

    static int BoundsCheckAfterCatch(int[] a, int i)
    {
        int first;
        try { first = a[i]; } catch (IndexOutOfRangeException) { first = -1; }
        try { a[i] = first + 5; return a[i]; }
        catch (IndexOutOfRangeException) { return first - 50; }
    }

    static int DivisionAfterCatch(int n, int d)
    {
        int q;
        try { q = n / d; } catch (DivideByZeroException) { q = -7; }
        try { return q + n % d; } catch (DivideByZeroException) { return q * 10; }
    }

    static int OverflowAfterCatch(int x)
    {
        int y;
        try { y = checked(x + 1); } catch (OverflowException) { y = -3; }
        try { return checked(y + x); } catch (OverflowException) { return y - 1; }
    }

    static int StoresBeforeTheThrowAreSeenByTheHandler(int n)
    {
        int v = 1;
        try
        {
            v = 2;
            MayThrow(n);
            v = 3;
            MayThrow(n + 1);
            v = 4;
        }
        catch (InvalidOperationException) { return v * 10; }
        return v;
    }

    static int LoopWithHandlerInside(Box?[] boxes)
    {
        int sum = 0, misses = 0;
        for (int i = 0; i < boxes.Length; i++)
        {
            try { sum += Box.Twice(boxes[i]!); }
            catch (NullReferenceException) { misses++; if (misses == 3) break; continue; }
            sum += boxes[i]!.Value;             // reached only when the first access passed
        }
        return sum * 100 + misses;
    }

    static int RetryUntilItWorks(int start)
    {
        int attempts = 0, n = start;
        while (true)
        {
            try { MayThrow(n); attempts++; break; }
            catch (InvalidOperationException) { attempts += 10; n++; }
        }
        return attempts * 1000 + n;
    }

    static int FinallySeesThePartialWork(int n)
    {
        int stage = 0;
        try
        {
            try { stage = 1; MayThrow(n); stage = 2; }
            finally { Note("finally stage", stage); }
        }
        catch (InvalidOperationException) { stage += 100; }
        return stage;
    }

    static int Main()
    {
        var b = new Box { Value = 21 };
        Note("null check, object", NullCheckAfterCatch(b));
        Note("null check, null", NullCheckAfterCatch(null));
        int[] a = { 10, 20, 30 };
        Note("bounds, inside", BoundsCheckAfterCatch(a, 1));
        Note("bounds, outside", BoundsCheckAfterCatch(a, 3));
        Note("bounds, negative", BoundsCheckAfterCatch(a, -1));
        Note("division", DivisionAfterCatch(17, 5));
        Note("division by zero", DivisionAfterCatch(17, 0));
        Note("overflow, none", OverflowAfterCatch(40));
        Note("overflow", OverflowAfterCatch(int.MaxValue));
        for (int n = 0; n < 4; n++) Note("stores before the throw " + n, StoresBeforeTheThrowAreSeenByTheHandler(n));
        Note("loop", LoopWithHandlerInside(new Box?[] { b, null, new Box { Value = 4 }, null, b, null, b }));
        Note("retry", RetryUntilItWorks(3));
        Note("finally 3", FinallySeesThePartialWork(3));
        Note("finally 4", FinallySeesThePartialWork(4));
        Console.WriteLine("score " + score);
        return score & 0xFF;
    }
}
