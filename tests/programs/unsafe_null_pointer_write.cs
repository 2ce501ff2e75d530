using System;

// A write through a null pointer in unsafe code: CoreCLR turns the fault into an unhandled
// NullReferenceException (its first line, exit 134); the library OS reports the fault the same way on
// both targets (libos/platform/linux/FaultSignals.cs, libos/platform/pvh/CpuExceptions.cs).
unsafe class Program
{
    // Not a constant: LLVM deletes a store to a literal null as undefined behaviour.
    static int* Target(int n) => n > 100 ? (int*)n : null;

    static int Main(string[] args)
    {
        Console.WriteLine("before");
        int* p = Target(args.Length);
        *p = 42;
        Console.WriteLine("after");
        return 0;
    }
}
