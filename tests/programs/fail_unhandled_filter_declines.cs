// An exception that no handler catches (a filter declines it): CoreCLR's first pass runs the filter,
// finds no handler, then the finally blocks run before the unhandled-exception report.
using System;
static class Program
{
    static bool Declines(Exception e) { Console.WriteLine("filter looks at " + e.Message); return false; }
    static void Deep(int n)
    {
        try { if (n == 0) throw new ApplicationException("no handler wants this"); Deep(n - 1); }
        finally { Console.WriteLine("finally at depth " + n); }
    }
    static int Main()
    {
        Console.WriteLine("start");
        try { Deep(2); }
        catch (Exception e) when (Declines(e)) { Console.WriteLine("not reached"); }
        Console.WriteLine("not reached either");
        return 0;
    }
}
