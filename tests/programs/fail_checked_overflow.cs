using System;

// A checked multiplication that overflows after some output: CoreCLR prints the unhandled
// OverflowException on stderr and exits with 134.
static class Program
{
    static int Grow(int x) => checked(x * 3);

    static int Main()
    {
        int v = 1;
        for (int i = 0; i < 25; i++)
        {
            v = Grow(v);
            Console.WriteLine(v);
        }
        return 0;
    }
}
