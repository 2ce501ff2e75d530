using System;

// An exception nothing catches, thrown a few frames down after some output: CoreCLR prints
// "Unhandled exception. QuotaExceeded: ..." on stderr and exits with 134.
class QuotaExceeded : Exception
{
    public QuotaExceeded(int used) : base("quota exceeded after " + used + " units") { }
}

static class Program
{
    static int used;
    static void Consume(int units)
    {
        used += units;
        if (used > 100) throw new QuotaExceeded(used);
    }

    static int Main()
    {
        for (int i = 1; i < 50; i++)
        {
            Consume(i * 3);
            Console.WriteLine(used);
        }
        return 0;
    }
}
