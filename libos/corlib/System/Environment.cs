using System.Runtime;

namespace System
{
    /// <summary>
    /// The subset of .NET's Environment the library OS can answer: the program's arguments (for the
    /// compiler's entry glue), the monotonic clock in milliseconds, the line ending and exit.
    /// </summary>
    public static class Environment
    {
        /// <summary>Unix's, as CoreCLR on Linux gives it: the console is the serial port or a Linux file descriptor.</summary>
        public static string NewLine => "\n";

        /// <summary>What Roslyn's iterators check, so that an enumerable hands its first enumerator only to the thread that made it.</summary>
        public static int CurrentManagedThreadId => System.Threading.Thread.CurrentThread.ManagedThreadId;

        /// <summary>Ends the program with <paramref name="exitCode"/> at once. Console output is unbuffered, so none is lost.</summary>
        public static void Exit(int exitCode) => Platform.Exit(exitCode);

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
