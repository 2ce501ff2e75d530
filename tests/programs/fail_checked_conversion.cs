// A checked narrowing conversion of a growing long to int: values are printed until the conversion
// overflows (OverflowException).
using System;
static class Program
{
    static int Narrow(long v) => checked((int)v);
    static int Main()
    {
        long v = 1;
        for (int i = 0; i < 40; i++) { v *= 3; Console.WriteLine(i + ": " + Narrow(v)); }
        return 0;
    }
}
