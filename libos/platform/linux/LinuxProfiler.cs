using System.Runtime;
using System.Runtime.CompilerServices;
using Testbed.LibOS.Memory;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// `testbed run --profile` on Linux (docs/profiling.md): with <c>TESTBED_PROFILE=HZ:PATH</c> in the
    /// environment, a perf task-clock event samples the process every 1/HZ s of its CPU time, the kernel
    /// recording the user RIP and frame-pointer call chain into a ring buffer that the SIGPROF handler
    /// drains into <see cref="ProfileSamples"/> now and then (<see cref="StartTaskClock"/>). When the
    /// kernel refuses the event, an ITIMER_PROF timer sends SIGPROF at each tick and the handler walks the
    /// interrupted frame chain itself. At exit the samples go to PATH. Without the variable nothing is set
    /// up: the cost is the scan of the environment at start-up.
    /// </summary>
    /// <remarks>
    /// ITIMER_PROF alone is checked at the scheduler tick, so it never samples faster than CONFIG_HZ (250
    /// here); the perf event runs on an hrtimer, and perf_event_paranoid 2 allows it on oneself in user
    /// space. The handler runs on the interrupted stack (no sigaltstack: the kernel skips the red zone),
    /// allocates nothing, and the kernel returns through the restorer of the target's asm
    /// (<c>tb_linux_signal_restorer</c>, rt_sigreturn).
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
        private const ulong PerfSampleIp = 1UL << 0;
        private const ulong PerfSampleCallchain = 1UL << 5;
        private const ulong PerfExcludeCallchainKernel = 1UL << 21;
        private const uint PerfRecordLost = 2;
        private const uint PerfRecordSample = 9;
        // PERF_CONTEXT_USER and the other markers a call chain carries: the top 4095 values.
        private const ulong PerfContextMarkers = 0xFFFFFFFFFFFFF001;
        private const long MapShared = 0x01;
        private const long PageBytes = 4096;
        // 256 KiB + the control page: within the default perf_event_mlock_kb (516) of an unprivileged user.
        private const long RingPages = 64;
        // About 25 KiB of records at the usual depths: a signal every half second at 1 kHz.
        private const uint DrainEvery = 512;
        // struct perf_event_mmap_page: data_head and data_tail.
        private const int MetaDataHead = 1024;
        private const int MetaDataTail = 1032;
        private const long SysRtSigprocmask = 14;
        private const long SigBlock = 0;

        private static byte* s_ring;
        private static ulong s_tail;

        private static byte* s_path;
        // The perf event's descriptor + 1, so that zeroed memory means none (no static constructor).
        private static int s_perfFdPlusOne;

        /// <summary>
        /// Called first thing in the entry point of an image built with `run --profile` (the
        /// start-profiler pass); compiled only into such images.
        /// </summary>
        [RuntimeExport("tb_profiler_start", WhenImported = true)]
        public static void StartFromEntryPoint() => StartIfAsked(LinuxStart.Environment);

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
            // "itimer:HZ:PATH" skips the perf event: the fallback, for its tests.
            bool timerOnly = setting[0] == 'i' && setting[1] == 't' && setting[2] == 'i' && setting[3] == 'm'
                && setting[4] == 'e' && setting[5] == 'r' && setting[6] == ':';
            if (timerOnly)
                setting += 7;
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

            if (!timerOnly && StartTaskClock(hz))
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
        /// so perf_event_paranoid 2 allows it), which overflows every 1/HZ s on an hrtimer. At each
        /// overflow the kernel itself records the user RIP and frame-pointer call chain into a ring buffer
        /// shared with us (<see cref="RingPages"/> pages, within the default perf_event_mlock_kb); every
        /// <see cref="DrainEvery"/> samples it sends SIGPROF (O_ASYNC, F_SETSIG), and the handler moves
        /// the samples into <see cref="ProfileSamples"/>. So a sample costs a timer interrupt, not a
        /// signal. False when the kernel refuses the event or the mapping.
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
            attributes[3] = PerfSampleIp | PerfSampleCallchain;
            attributes[5] = PerfDisabled | PerfExcludeKernel | PerfExcludeHypervisor | PerfExcludeCallchainKernel;
            *(uint*)(attributes + 6) = DrainEvery; // wakeup_events
            *(ushort*)((byte*)attributes + 108) = ProfileSamples.MaxDepth; // sample_max_stack
            long fd = Cpu.Syscall(SysPerfEventOpen, (long)attributes, 0, -1, -1, PerfFlagCloseOnExec, 0);
            if (Syscalls.IsError(fd))
                return false;
            long ring = Syscalls.Mmap(0, (1 + RingPages) * PageBytes, Syscalls.ProtRead | Syscalls.ProtWrite, MapShared, fd, 0);
            if (Syscalls.IsError(ring))
            {
                FileSyscalls.Close((int)fd);
                return false;
            }
            s_ring = (byte*)ring;
            if (Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetOwner, Cpu.Syscall(SysGetpid, 0, 0, 0, 0, 0, 0), 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetSignal, SigProf, 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysFcntl, fd, FcntlSetFlags, OpenAsync, 0, 0, 0))
                || Syscalls.IsError(Cpu.Syscall(SysIoctl, fd, PerfIocEnable, 0, 0, 0, 0)))
            {
                Syscalls.Munmap(ring, (1 + RingPages) * PageBytes);
                s_ring = null;
                FileSyscalls.Close((int)fd);
                return false;
            }
            s_perfFdPlusOne = (int)fd + 1;
            return true;
        }

        /// <summary>
        /// Moves the ring's records into <see cref="ProfileSamples"/>: PERF_RECORD_SAMPLE (the IP, then the
        /// call chain: context markers, the IP again, return addresses) and PERF_RECORD_LOST (samples the
        /// kernel dropped, the ring being full). Records are 8-aligned and may wrap at the ring's end.
        /// </summary>
        private static void DrainRing()
        {
            byte* ring = s_ring;
            ulong* data = (ulong*)(ring + PageBytes);
            const ulong Words = RingPages * PageBytes / 8;
            ulong head = *(ulong*)(ring + MetaDataHead);
            Cpu.MemoryFence();
            ulong tail = s_tail;
            while (tail < head)
            {
                ulong at = tail / 8;
                ulong header = data[at % Words];
                uint type = (uint)header;
                ulong size = header >> 48;
                if (size < 8)
                    break;
                if (type == PerfRecordSample)
                {
                    ulong count = data[(at + 2) % Words];
                    ulong* record = ProfileSamples.BeginSample();
                    if (record != null)
                    {
                        int depth = 0;
                        for (ulong k = 0; k < count && depth < ProfileSamples.MaxDepth; k++)
                        {
                            ulong address = data[(at + 3 + k) % Words];
                            if (address < PerfContextMarkers)
                                record[1 + depth++] = address;
                        }
                        if (depth == 0)
                            record[1 + depth++] = data[(at + 1) % Words];
                        ProfileSamples.EndSample(depth);
                    }
                }
                else if (type == PerfRecordLost)
                {
                    ProfileSamples.AddDropped(data[(at + 2) % Words]);
                }
                tail += size;
            }
            s_tail = tail;
            Cpu.MemoryFence();
            *(ulong*)(ring + MetaDataTail) = tail;
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

        /// <summary>The SIGPROF handler (SA_SIGINFO form): drains the perf ring, or (ITIMER_PROF) samples the
        /// interrupted code, whose ucontext_t is <paramref name="context"/>.</summary>
        private static void OnSignal(int signal, void* info, byte* context)
        {
            if (s_ring != null)
            {
                DrainRing();
                return;
            }
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
            // A SIGPROF still pending must not drain the ring while this does.
            ulong mask = 1UL << (SigProf - 1);
            Cpu.Syscall(SysRtSigprocmask, SigBlock, (long)&mask, 0, 8, 0, 0);
            if (s_ring != null)
                DrainRing();
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
