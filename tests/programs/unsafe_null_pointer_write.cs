using System;

// A write through a null pointer in unsafe code: CoreCLR turns the fault into an unhandled
// NullReferenceException (its first line, exit 134); the library OS reports the fault the same way on
// both targets (libos/platform/linux/FaultSignals.cs, libos/platform/pvh/CpuExceptions.cs). The
// literal null matters: LLVM would delete the store as undefined behaviour, and the backend marks app
// functions that make pointers from integers null_pointer_is_valid so that it stays.
unsafe class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine("before");
        *(int*)0 = 42;
        Console.WriteLine("after");
        return 0;
    }
}
