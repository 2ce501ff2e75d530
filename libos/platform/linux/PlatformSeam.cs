using Testbed.LibOS.Platform.Linux;
using Testbed.LibOS.Threading;

// The platform seam of libos/threading and libos/time, Linux side: the same classes and members as
// libos/platform/pvh/PlatformSeam.cs (see there). Layer: libos.platform.
namespace Testbed.LibOS.Platform
{
    /// <summary>Thread stacks: anonymous mappings, committed by the kernel page by page as they are touched, with a PROT_NONE guard page below.</summary>
    internal static class ThreadStacks
    {
        public const ulong PageSize = 4096;

        /// <summary>256 KiB of address space; only the pages a thread touches cost memory.</summary>
        public const int DefaultPages = 64;

        /// <summary>A stack of <paramref name="bytes"/> (a multiple of <see cref="PageSize"/>) above a guard page; returns the guard page's address, 0 when mmap fails.</summary>
        public static ulong Allocate(ulong bytes)
        {
            long length = (long)(bytes + PageSize);
            long memory = Syscalls.Mmap(0, length, Syscalls.ProtRead | Syscalls.ProtWrite,
                Syscalls.MapPrivate | Syscalls.MapAnonymous | Syscalls.MapNoReserve, -1, 0);
            if (Syscalls.IsError(memory))
                return 0;
            // An overflow then faults (SIGSEGV) instead of running into whatever lies below.
            if (Syscalls.IsError(Syscalls.Mprotect(memory, (long)PageSize, Syscalls.ProtNone)))
            {
                Syscalls.Munmap(memory, length);
                return 0;
            }
            return (ulong)memory;
        }

        public static void Free(ulong memory, ulong bytes) => Syscalls.Munmap((long)memory, (long)(bytes + PageSize));
    }

    /// <summary>
    /// The clock's source: CLOCK_MONOTONIC in nanoseconds, read through the vDSO's
    /// <c>__vdso_clock_gettime</c> (no system call: the kernel's page of time data and the TSC), or
    /// the clock_gettime system call when the process has no vDSO. Found at the first read, so that
    /// programs that never read the clock do not pay for the lookup.
    /// </summary>
    internal static unsafe class PlatformClock
    {
        private static delegate* unmanaged[Cdecl]<int, Timespec*, int> s_vdsoClockGettime;
        private static bool s_started;
        private static ulong s_zeroTicks;
        private static ulong s_coarseResolution;

        /// <summary>Ticks are nanoseconds.</summary>
        public static ulong Kilohertz => 1000000UL;

        /// <summary>The first reading: time zero of Clock.Nanoseconds.</summary>
        public static ulong ZeroTicks
        {
            get
            {
                if (!s_started)
                    Start();
                return s_zeroTicks;
            }
        }

        public static ulong Ticks
        {
            get
            {
                if (!s_started)
                    Start();
                Timespec time;
                delegate* unmanaged[Cdecl]<int, Timespec*, int> vdso = s_vdsoClockGettime;
                if (vdso != null)
                    vdso(Syscalls.ClockMonotonic, &time);
                else
                    Syscalls.ClockGettime(Syscalls.ClockMonotonic, &time);
                return ToNanoseconds(time);
            }
        }

        /// <summary>
        /// CLOCK_MONOTONIC_COARSE: the kernel's CLOCK_MONOTONIC as of its last timer tick, read from the
        /// vDSO's page without the TSC (a fifth of <see cref="Ticks"/>' cost here). It lags
        /// <see cref="Ticks"/> by less than <see cref="CoarseResolutionTicks"/>. Without a vDSO it is
        /// <see cref="Ticks"/>, since a system call costs the same for either clock.
        /// </summary>
        public static ulong CoarseTicks
        {
            get
            {
                if (!s_started)
                    Start();
                if (s_coarseResolution == 0)
                    return Ticks;
                Timespec time;
                s_vdsoClockGettime(Syscalls.ClockMonotonicCoarse, &time);
                return ToNanoseconds(time);
            }
        }

        /// <summary>The kernel's tick (4 ms at HZ=250), or 0 when <see cref="CoarseTicks"/> is <see cref="Ticks"/>.</summary>
        public static ulong CoarseResolutionTicks
        {
            get
            {
                if (!s_started)
                    Start();
                return s_coarseResolution;
            }
        }

        private static ulong ToNanoseconds(Timespec time) => (ulong)time.Seconds * 1000000000UL + (ulong)time.Nanoseconds;

        private static void Start()
        {
            s_started = true;
            s_vdsoClockGettime = (delegate* unmanaged[Cdecl]<int, Timespec*, int>)Vdso.Find("__vdso_clock_gettime");
            Timespec resolution;
            if (s_vdsoClockGettime != null && Syscalls.ClockGetres(Syscalls.ClockMonotonicCoarse, &resolution) == 0)
                s_coarseResolution = ToNanoseconds(resolution);
            s_zeroTicks = Ticks;
        }

        /// <summary>For tests and measurements: whether reads go through the vDSO.</summary>
        public static bool UsesVdso
        {
            get
            {
                if (!s_started)
                    Start();
                return s_vdsoClockGettime != null;
            }
        }
    }

    /// <summary>
    /// Waiting for time and files: <c>ppoll</c> on the descriptors threads wait on (an event source is
    /// a file descriptor, its mask poll events), with the earliest deadline as the timeout.
    /// </summary>
    internal static unsafe class EventLoop
    {
        /// <summary>While threads keep the CPU busy, one zero-timeout ppoll per this many yields.</summary>
        private const int YieldsPerPoll = 16;

        private static PollFd[] s_fds;
        private static GreenThread[] s_threads;
        private static int s_yields;

        /// <summary>Blocks the process until the deadline; no thread is woken.</summary>
        public static void Halt(ulong deadlineTicks) => PollFiles(deadlineTicks, withFiles: false);

        /// <summary>Nothing is runnable: block until a descriptor a thread waits on is ready or the deadline passes, and wake those threads.</summary>
        public static void Wait(ulong deadlineTicks) => PollFiles(deadlineTicks, withFiles: true);

        /// <summary>At every yield: now and then, a ppoll that does not block, so that busy threads do not starve the waiting ones.</summary>
        public static void Poll()
        {
            if (Scheduler.EventWaiters == null || ++s_yields < YieldsPerPoll)
                return;
            s_yields = 0;
            PollFiles(0, withFiles: true);
        }

        private static void PollFiles(ulong deadlineTicks, bool withFiles)
        {
            int count = 0;
            if (withFiles)
            {
                for (GreenThread thread = Scheduler.EventWaiters; thread != null; thread = thread.NextWaiter)
                {
                    if (s_fds == null || count == s_fds.Length)
                        Grow();
                    s_fds[count].Fd = thread.EventSource;
                    s_fds[count].Events = thread.EventMask;
                    s_fds[count].ReturnedEvents = 0;
                    s_threads[count] = thread;
                    count++;
                }
            }
            Timespec timeout;
            Timespec* timeoutPointer = null;
            if (deadlineTicks != ulong.MaxValue)
            {
                ulong now = PlatformClock.Ticks;
                ulong left = deadlineTicks > now ? deadlineTicks - now : 0;
                timeout.Seconds = (long)(left / 1000000000UL);
                timeout.Nanoseconds = (long)(left % 1000000000UL);
                timeoutPointer = &timeout;
            }
            long ready;
            if (count == 0)
                ready = Syscalls.Ppoll(null, 0, timeoutPointer);
            else
            {
                fixed (PollFd* fds = s_fds)
                    ready = Syscalls.Ppoll(fds, count, timeoutPointer);
            }
            // EINTR and errors (ready < 0) wake nobody: the caller looks at the clock and comes back.
            for (int i = 0; i < count; i++)
            {
                GreenThread thread = s_threads[i];
                s_threads[i] = null;
                if (ready > 0 && s_fds[i].ReturnedEvents != 0)
                    Scheduler.SignalEvent(thread, s_fds[i].ReturnedEvents);
            }
        }

        private static void Grow()
        {
            int size = s_fds == null ? 16 : s_fds.Length * 2;
            var fds = new PollFd[size];
            var threads = new GreenThread[size];
            for (int i = 0; s_fds != null && i < s_fds.Length; i++)
            {
                fds[i] = s_fds[i];
                threads[i] = s_threads[i];
            }
            s_fds = fds;
            s_threads = threads;
        }
    }
}
