// An exception no handler takes is reported when the first pass finds that out, but the finally
// blocks on its way still run; one of them throws another exception, which is caught, and the
// program goes on and ends normally (CoreCLR prints the report for the first exception anyway).
using System;

static class Program
{
    static void Deep(int n)
    {
        try
        {
            if (n == 0) throw new ApplicationException("nobody catches this");
            Deep(n - 1);
        }
        finally
        {
            Console.WriteLine("finally " + n);
            if (n == 1) throw new InvalidOperationException("replacement from depth " + n);
        }
    }

    static int Main()
    {
        try { Deep(3); }
        catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        Console.WriteLine("after");
        return 3;
    }
}
