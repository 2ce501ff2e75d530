using System.Runtime;
using System.Runtime.CompilerServices;
using Testbed.LibOS.Memory;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// `testbed run --profile` on Linux (docs/profiling.md): with <c>TESTBED_PROFILE=HZ:PATH</c> in the
    /// environment, an ITIMER_PROF interval timer sends SIGPROF every 1/HZ s of CPU time the process
    /// uses; the handler records the interrupted RIP and frame-pointer chain (<see cref="ProfileSamples"/>)
    /// and returns. At exit the samples go to PATH. Without the variable nothing is set up: the cost is
    /// the scan of the environment at start-up.
    /// </summary>
    /// <remarks>
    /// A timer signal rather than perf_event_open: perf_event_paranoid 2 allows only self-profiling of
    /// user space, whose overflow signal carries the same context a SIGPROF does, for more set-up; and
    /// ITIMER_PROF needs no permission anywhere. The handler runs on the interrupted stack (no
    /// sigaltstack: the red zone is skipped by the kernel), allocates nothing, and the kernel returns
    /// through the restorer of the target's asm (<c>tb_linux_signal_restorer</c>, rt_sigreturn).
    /// </remarks>
    internal static unsafe class LinuxProfiler
    {
        private const long SysRtSigaction = 13;
        private const long SysSetitimer = 38;
        private const int SigProf = 27;
        private const ulong SaSiginfo = 0x4;
        private const ulong SaRestorer = 0x04000000;
        private const ulong SaRestart = 0x10000000;
        private const int ItimerProf = 2;
        // Address space only (MAP_NORESERVE): pages are committed as samples fill them. 64 MiB holds
        // about two minutes of 1 kHz samples 64 frames deep, far more at usual depths.
        private const long BufferBytes = 64L << 20;

        // Offsets in the ucontext_t the kernel passes: uc_mcontext.gregs starts at 40; RBP is gregs[10],
        // RSP gregs[15], RIP gregs[16].
        private const int ContextRbp = 40 + 10 * 8;
        private const int ContextRsp = 40 + 15 * 8;
        private const int ContextRip = 40 + 16 * 8;

        private const long SysGetpid = 39;
        private const long SysFcntl = 72;
        private const long SysIoctl = 16;
        private const long SysPerfEventOpen = 298;
        private const int PerfAttributeBytes = 112; // PERF_ATTR_SIZE_VER5
        private const uint PerfTypeSoftware = 1;
        private const ulong PerfCountTaskClock = 1;
        private const ulong PerfDisabled = 1UL << 0;
        private const ulong PerfExcludeKernel = 1UL << 5;
        private const ulong PerfExcludeHypervisor = 1UL << 6;
        private const long PerfFlagCloseOnExec = 8;
        private const long PerfIocEnable = 0x2400;
        private const long PerfIocDisable = 0x2401;
        private const long FcntlSetFlags = 4;
        private const long FcntlSetOwner = 8;
        private const long FcntlSetSignal = 10;
        private const long OpenAsync = 0x2000;

        private static byte* s_path;
        // The perf event's descriptor + 1, so that zeroed memory means none (no static constructor).
        private static int s_perfFdPlusOne;

        /// <summary>Starts sampling when the environment asks for it (called once, before Main).</summary>
        internal static void StartIfAsked(byte** environment)
        {
            byte* setting = Find(environment);
            if (setting != null)
                Start(setting);
        }

        /// <summary>Out of line, so that the start code of a program that does not profile carries only the look.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Start(byte* setting)
        {
            int colon = 0;
            while (setting[colon] != 0 && setting[colon] != ':')
                colon++;
            int hz = ProfileSamples.ParseRate(setting, colon);
            if (hz == 0 || setting[colon] != ':' || setting[colon + 1] == 0)
                LinuxPlatform.StartFailure("TESTBED_PROFILE: expected HZ:PATH, HZ 1 to 10000");
            s_path = setting + colon + 1;

            long buffer = Syscalls.Mmap(0, BufferBytes, Syscalls.ProtRead | Syscalls.ProtWrite,
                Syscalls.MapPrivate | Syscalls.MapAnonymous | Syscalls.MapNoReserve, -1, 0);
            if (Syscalls.IsError(buffer))
                LinuxPlatform.StartFailure("TESTBED_PROFILE: cannot reserve the sample buffer");
            ProfileSamples.Start((ulong*)buffer, BufferBytes / 8, hz);

            SignalAction action;
            action.Handler = (ulong)(delegate*<int, void*, byte*, void>)&OnSignal;
            action.Flags = SaSiginfo | SaRestorer | SaRestart;
            action.Restorer = (ulong)SignalRestorer();
            action.Mask = 0;
            if (Syscalls.IsError(Cpu.Syscall(SysRtSigaction, SigProf, (long)&action, 0, 8, 0, 0)))
                LinuxPlatform.StartFailure("TESTBED_PROFILE: rt_sigaction(SIGPROF) failed");
            ProcessExit.AddReport(&WriteSamples);

            if (StartTaskClock(hz))
                return;
            long interval = 1000000 / hz;
            IntervalTimer timer;
            timer.IntervalSeconds = 0;
            timer.IntervalMicroseconds = interval;
            timer.ValueSeconds = 0;
            timer.ValueMicroseconds = interval;
            if (Syscalls.IsError(Cpu.Syscall(SysSetitimer, ItimerProf, (long)&timer, 0, 0, 0, 0)))
                LinuxPlatform.StartFailure("TESTBED_PROFILE: setitimer(ITIMER_PROF) failed");
        }

        /// <summary>
        /// A perf software event counting this process's CPU time in user space (task-clock, exclude_kernel,
        /// so perf_event_paranoid 2 allows it), which overflows every 1/HZ s on an hrtimer and, through
        /// O_ASYNC and F_SETSIG, sends SIGPROF each time. False when the kernel refuses it.
        /// </summary>
        private static bool StartTaskClock(int hz)
        {
            ulong* attributes = stackalloc ulong[PerfAttributeBytes / 8];
            for (int i = 0; i < PerfAttributeBytes / 8; i++)
                attributes[i] = 0;
            *(uint*)attributes = PerfTypeSoftware;
            *((uint*)attributes + 1) = PerfAttributeBytes;
            attributes[1] = PerfCountTaskClock;
            attributes[2] = (ulong)(1000000000L / hz);
            attributes[5] = PerfDisabled | PerfExcludeKernel | PerfExcludeHypervisor;
            *(uint*)(attributes + 6) = 1; // wakeup_events
            long fd = Cpu.Syscall(SysPerfEventOpen, (long)attributes, 0, -1, -1, PerfFlagCloseOnExec, 0);
            if (Syscalls.IsError(fd))
                return false;
            if (Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetOwner, Cpu.Syscall(SysGetpid, 0, 0, 0, 0, 0, 0), 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetSignal, SigProf, 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetFlags, OpenAsync, 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysIoctl, fd, PerfIocEnable, 0, 0, 0, 0)))
            {
                FileSyscalls.Close((int)fd);
                return false;
            }
            s_perfFdPlusOne = (int)fd + 1;
            return true;
        }

        /// <summary>The value of TESTBED_PROFILE, or null.</summary>
        private static byte* Find(byte** environment)
        {
            const string Key = "TESTBED_PROFILE=";
            for (int e = 0; environment != null && environment[e] != null; e++)
            {
                byte* entry = environment[e];
                int i = 0;
                while (i < Key.Length && entry[i] == Key[i])
                    i++;
                if (i == Key.Length)
                    return entry + i;
            }
            return null;
        }

        /// <summary>The SIGPROF handler (SA_SIGINFO form); <paramref name="context"/> is the interrupted ucontext_t.</summary>
        private static void OnSignal(int signal, void* info, byte* context)
        {
            ulong rip = *(ulong*)(context + ContextRip);
            ulong rbp = *(ulong*)(context + ContextRbp);
            ulong rsp = *(ulong*)(context + ContextRsp);
            ulong high = (ulong)GcRoots.CurrentStackHigh;
            ulong low = (ulong)GcRoots.CurrentStackLow;
            // Between the scheduler's SetCurrentStack and the switch itself rsp is still on the other
            // stack: then the walk would have no bounds it can trust, and the sample is the RIP alone.
            if (rsp < low || rsp >= high)
                high = 0;
            ProfileSamples.Record(rip, rbp, rsp, high);
        }

        /// <summary>The exit report: stops the timer, then writes the samples to the path given.</summary>
        private static void WriteSamples()
        {
            if (s_perfFdPlusOne > 0)
                Cpu.Syscall(SysIoctl, s_perfFdPlusOne - 1, PerfIocDisable, 0, 0, 0, 0);
            IntervalTimer off = default;
            Cpu.Syscall(SysSetitimer, ItimerProf, (long)&off, 0, 0, 0, 0);
            ProfileSamples.Finish();
            long fd;
            do
                fd = FileSyscalls.Openat(s_path, FileSyscalls.WriteOnly | FileSyscalls.Create | Truncate | FileSyscalls.CloseOnExec, 0x1A4);
            while (fd == -Syscalls.EINTR);
            if (Syscalls.IsError(fd))
            {
                Complain("testbed profile: cannot create the sample file\n");
                return;
            }
            byte* data = ProfileSamples.Data;
            long left = (long)ProfileSamples.Bytes;
            while (left > 0)
            {
                long written = FileSyscalls.Write((int)fd, data, left);
                if (written == -Syscalls.EINTR)
                    continue;
                if (written <= 0)
                    break;
                data += written;
                left -= written;
            }
            FileSyscalls.Close((int)fd);
        }

        private const int Truncate = 0x200;

        private static void Complain(string text)
        {
            byte* line = stackalloc byte[80];
            int length = 0;
            for (int i = 0; i < text.Length && length < 80; i++)
                line[length++] = (byte)text[i];
            LinuxPlatform.Write(2, line, length);
        }

        /// <summary>The address of the target asm's <c>tb_linux_signal_restorer</c> (mov $15, %eax; syscall).</summary>
        [RuntimeImport("tb_linux_signal_restorer_address")]
        private static extern void* SignalRestorer();

        /// <summary>The kernel's struct sigaction for rt_sigaction.</summary>
        private struct SignalAction
        {
            public ulong Handler;
            public ulong Flags;
            public ulong Restorer;
            public ulong Mask;
        }

        /// <summary>struct itimerval.</summary>
        private struct IntervalTimer
        {
            public long IntervalSeconds;
            public long IntervalMicroseconds;
            public long ValueSeconds;
            public long ValueMicroseconds;
        }
    }
}
