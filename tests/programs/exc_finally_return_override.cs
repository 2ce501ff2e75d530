// try/finally control flow: finally runs after return (and sees the value already computed),
// mutations in finally don't change a returned value, finally in loops with break/continue, nested
// finally ordering when an exception passes through several frames, and a catch that returns.
using System;

static class Program
{
    static int counter;
    static int ReturnInTry() { int x = 1; try { x = 10; return x; } finally { x = 20; counter += x; Console.WriteLine("finally sees x=" + x); } }
    static int[] ReturnArray() { var a = new int[] { 1 }; try { return a; } finally { a[0] = 99; } }
    static string Loop()
    {
        string s = "";
        for (int i = 0; i < 5; i++)
        {
            try { if (i == 1) continue; if (i == 3) break; s = s + "b" + i; }
            finally { s = s + "f" + i; }
        }
        return s;
    }
    static void Level3() { try { throw new InvalidOperationException("deep"); } finally { Console.WriteLine("finally 3"); } }
    static void Level2() { try { Level3(); } finally { Console.WriteLine("finally 2"); } }
    static int Level1() { try { Level2(); return 0; } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); return 5; } finally { Console.WriteLine("finally 1"); } }
    static int Nested()
    {
        int r = 0;
        try { try { r += 1; throw new Exception("x"); } finally { r += 10; } }
        catch { r += 100; }
        finally { r += 1000; }
        return r;
    }

    static int Main()
    {
        Console.WriteLine(ReturnInTry() + " counter " + counter);
        Console.WriteLine(ReturnArray()[0]);
        Console.WriteLine(Loop());
        int l = Level1();
        Console.WriteLine("level1 returned " + l);
        int n = Nested();
        Console.WriteLine("nested " + n);
        return (l + n + counter) & 0xFF;
    }
}
