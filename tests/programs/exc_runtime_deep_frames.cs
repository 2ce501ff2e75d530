// Runtime exceptions raised several frames below the handler (array bounds, null, division, cast,
// overflow) inside a loop that resumes after each one, with per-frame finally blocks counting the
// unwound frames.
using System;

static class Program
{
    static int unwound;
    static int Level(int depth, int kind)
    {
        try
        {
            if (depth > 0) return Level(depth - 1, kind) + 1;
            switch (kind)
            {
                case 0: { var a = new int[3]; return a[kind + 3]; }
                case 1: { string s = kind == 1 ? null : "x"; return s.Length; }
                case 2: { int z = kind - 2; return 10 / z; }
                case 3: { object o = "str"; return ((int[])o).Length; }
                case 4: { int m = int.MaxValue - kind + 4; return checked(m + 1); }
                case 5: { long big = 1L << 40; return checked((int)big); }
                default: return 100;
            }
        }
        finally { unwound++; }
    }

    static int Main()
    {
        int handled = 0, sum = 0;
        for (int kind = 0; kind <= 6; kind++)
        {
            unwound = 0;
            try { sum += Level(kind + 2, kind); Console.WriteLine("kind " + kind + " ok, sum " + sum); }
            catch (IndexOutOfRangeException) { handled++; Console.WriteLine("kind " + kind + " index"); }
            catch (NullReferenceException) { handled++; Console.WriteLine("kind " + kind + " null"); }
            catch (DivideByZeroException) { handled++; Console.WriteLine("kind " + kind + " divide"); }
            catch (InvalidCastException) { handled++; Console.WriteLine("kind " + kind + " cast"); }
            catch (OverflowException) { handled++; Console.WriteLine("kind " + kind + " overflow"); }
            Console.WriteLine("  frames unwound " + unwound);
        }
        return handled * 10 + sum % 10;
    }
}
