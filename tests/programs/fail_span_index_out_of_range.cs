using System;

// Failure path: an out-of-range index on a Span<int> slice (in range of the underlying buffer but not of the slice).
// CoreCLR prints the unhandled IndexOutOfRangeException on stderr and exits with 134.
static class Program
{
    static int Read(Span<int> s, int i) { return s[i]; }

    static int Main()
    {
        Span<int> buf = stackalloc int[8];
        for (int i = 0; i < buf.Length; i++) buf[i] = i * i;
        Span<int> part = buf.Slice(2, 3);
        for (int i = 0; i < part.Length; i++) Console.WriteLine(Read(part, i));
        Console.WriteLine(part.Length);
        Console.WriteLine("reading part[3]");
        Console.WriteLine(Read(part, 3));
        Console.WriteLine("unreachable");
        return 0;
    }
}
