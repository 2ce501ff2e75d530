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
            GcHeap.ConfigureFromSetting(FindEnvironment("TESTBED_GC="));
            FaultSignals.Install();

            int code = AppMain();
            // As .NET: the process waits for foreground threads (if the program started any).
            ProcessExit.Run();
            LinuxPlatform.Exit(code);
        }

        /// <summary>The value of the environment variable <paramref name="key"/> ("NAME="), or null.</summary>
        private static byte* FindEnvironment(string key)
        {
            for (int e = 0; s_environment != null && s_environment[e] != null; e++)
            {
                byte* entry = s_environment[e];
                int i = 0;
                while (i < key.Length && entry[i] == key[i])
                    i++;
                if (i == key.Length)
                    return entry + i;
            }
            return null;
        }

        /// <summary>argv[1..] as strings (UTF-8): the arguments of <c>Main(string[] args)</c>, which the compiler's entry glue asks for.</summary>
        [RuntimeExport("tb_platform_arguments", WhenImported = true)]
        private static string[] MainArguments()
        {
            int count = s_argumentCount > 1 ? s_argumentCount - 1 : 0;
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                byte* text = s_arguments[i + 1];
                int length = 0;
                while (text[length] != 0)
                    length++;
                result[i] = Utf8Text.Decode(text, length);
            }
            return result;
        }

        private static delegate* unmanaged[Cdecl]<int, Timespec*, int> s_vdsoClockGettime;
        private static bool s_wallClockStarted;

        /// <summary>
        /// The wall clock for corlib's DateTimeOffset.UtcNow: CLOCK_REALTIME in nanoseconds since the Unix
        /// epoch, through the vDSO as PlatformClock reads CLOCK_MONOTONIC (the system call without one).
        /// </summary>
        [RuntimeExport("tb_clock_unix_nanoseconds", WhenImported = true)]
        private static long UnixNanoseconds()
        {
            const int ClockRealtime = 0;
            if (!s_wallClockStarted)
            {
                s_vdsoClockGettime = (delegate* unmanaged[Cdecl]<int, Timespec*, int>)Vdso.Find("__vdso_clock_gettime");
                s_wallClockStarted = true;
            }
            Timespec time;
            delegate* unmanaged[Cdecl]<int, Timespec*, int> vdso = s_vdsoClockGettime;
            if (vdso != null)
                vdso(ClockRealtime, &time);
            else
                Syscalls.ClockGettime(ClockRealtime, &time);
            return time.Seconds * 1000000000L + time.Nanoseconds;
        }

        /// <summary>The program's entry point, synthesised by the compiler.</summary>
        [RuntimeImport("tb_app_main")]
        private static extern int AppMain();
    }
}
