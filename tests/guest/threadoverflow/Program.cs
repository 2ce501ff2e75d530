using System;
using System.Runtime.CompilerServices;
using Testbed.LibOS.Threading;

// Unbounded recursion on a green thread's 16 KiB stack: it must hit that stack's guard page and be
// reported as a stack overflow, not run into whatever lies below.
static unsafe class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Recurse(int depth)
    {
        byte* pad = stackalloc byte[256];
        pad[depth & 255] = (byte)depth;
        return Recurse(depth + 1) + pad[(depth * 7) & 255];
    }

    static int Main()
    {
        GreenThread thread = Scheduler.Spawn(() => Console.WriteLine(Recurse(0)));
        Console.WriteLine("spawned");
        Scheduler.Join(thread);
        return 0;
    }
}
