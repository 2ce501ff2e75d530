// An exception thrown inside a finally block replaces the one in flight: the handler sees the
// replacement; without a throw in the finally the original arrives; finally inside a catch. Each
// original exception has a matching handler: CoreCLR reports one that has none as unhandled on
// stderr even when a finally replaces it with a caught one.
using System;
static class Program
{
    static void Work(int round)
    {
        try { throw new InvalidOperationException("original " + round); }
        finally { Console.WriteLine("cleanup " + round); if (round > 0) throw new TimeoutException("cleanup failed in round " + round); }
    }
    static int Main()
    {
        try { Work(1); } catch (TimeoutException e) { Console.WriteLine("caught " + e.Message); } catch (InvalidOperationException e) { Console.WriteLine("wrong " + e.Message); }
        try { Work(0); } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        int n = 0;
        for (int r = 0; r < 4; r++) { try { Work(r % 2); } catch (TimeoutException) { n += 10; } catch (InvalidOperationException) { n += 1; } }
        try { try { throw new FormatException("a"); } catch (FormatException e) { try { throw new ArgumentException("b from " + e.Message); } finally { Console.WriteLine("inner cleanup"); } } }
        catch (ArgumentException e) { Console.WriteLine("caught " + e.Message); n += 100; }
        Console.WriteLine("n " + n);
        return n;
    }
}
