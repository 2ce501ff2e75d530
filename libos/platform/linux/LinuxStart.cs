using System.Runtime;
using Testbed.LibOS.Memory;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// The first C# code to run in a Linux process: records the arguments, reserves the heap, runs
    /// the program and exits with its status.
    /// </summary>
    public static unsafe class LinuxStart
    {
        // Address space only: MAP_NORESERVE commits nothing, and the kernel hands out zeroed pages on
        // first touch, so the heap needs no clearing and small programs stay small.
        private const long HeapReservation = 1L << 30;

        private static int s_argumentCount;
        private static byte** s_arguments;
        private static byte** s_environment;

        public static int ArgumentCount => s_argumentCount;

        /// <summary>argv: NUL-terminated strings, argv[0] first.</summary>
        public static byte** Arguments => s_arguments;

        public static byte** Environment => s_environment;

        /// <summary>Called by <c>_start</c> with the stack the kernel built: argc, argv[], NULL, envp[], NULL, auxv.</summary>
        [RuntimeExport("tb_linux_start")]
        public static void Start(ulong* initialStack)
        {
            // Everything below the kernel's argument block is this process's stack.
            GcRoots.RegisterMainStack(initialStack);
            s_argumentCount = (int)initialStack[0];
            s_arguments = (byte**)(initialStack + 1);
            s_environment = s_arguments + s_argumentCount + 1;

            long heap = Syscalls.Mmap(0, HeapReservation, Syscalls.ProtRead | Syscalls.ProtWrite,
                Syscalls.MapPrivate | Syscalls.MapAnonymous | Syscalls.MapNoReserve, -1, 0);
            if (Syscalls.IsError(heap))
                LinuxPlatform.StartFailure("cannot reserve the heap (mmap failed)");
            GcHeap.Initialize((byte*)heap, (nuint)HeapReservation, regionIsZeroed: true);

            int code = AppMain();
            // As .NET: the process waits for foreground threads (if the program started any).
            ProcessExit.Run();
            LinuxPlatform.Exit(code);
        }

        /// <summary>The program's entry point, synthesised by the compiler.</summary>
        [RuntimeImport("tb_app_main")]
        private static extern int AppMain();
    }
}
