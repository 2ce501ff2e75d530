using System.Runtime;

namespace System
{
    /// <summary>
    /// The subset of .NET's Environment the library OS can answer: the program's arguments (for the
    /// compiler's entry glue) and the monotonic clock in milliseconds.
    /// </summary>
    public static class Environment
    {
        /// <summary>Milliseconds of the library OS's monotonic clock (since boot on PVH, since the first read on Linux).</summary>
        public static long TickCount64 => (long)(Clock.Nanoseconds() / 1000000UL);

        /// <summary>The low 32 bits of <see cref="TickCount64"/>, wrapping as .NET's does.</summary>
        public static int TickCount => (int)TickCount64;

        /// <summary>
        /// The arguments of <c>Main(string[] args)</c> (argv[1..] on Linux, the <c>TESTBED_ARG=</c> words of
        /// the kernel command line on PVH): called by the compiler's entry glue (docs/runtime-contract.md).
        /// </summary>
        [RuntimeImport("tb_platform_arguments")]
        internal static extern string[] GetMainArguments();
    }
}

namespace System.Runtime
{
    /// <summary>The library OS's monotonic clock, which corlib reaches through an import (libos/threading/CoreLibraryServices.cs).</summary>
    internal static class Clock
    {
        /// <summary>Nanoseconds since the clock's time zero; never decreases.</summary>
        [RuntimeImport("tb_clock_nanoseconds")]
        internal static extern ulong Nanoseconds();
    }
}
