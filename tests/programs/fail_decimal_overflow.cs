// A decimal product that does not fit in 96 bits at scale 0, unhandled: OverflowException with
// .NET's message ("Value was either too large or too small for a Decimal.").
using System;

static class Program
{
    static int Main()
    {
        decimal value = 1m;
        for (int i = 1; i <= 40; i++)
        {
            value *= 7.5m;
            Console.WriteLine(i + " " + value);
        }
        return 0;
    }
}
