using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// The x86-64 Linux system calls the platform uses, over the <c>syscall</c> instruction. Results
    /// are the kernel's: a negative errno on failure.
    /// </summary>
    internal static unsafe class Syscalls
    {
        private const long SysWrite = 1;
        private const long SysMmap = 9;
        private const long SysMprotect = 10;
        private const long SysMunmap = 11;
        private const long SysClockGettime = 228;
        private const long SysClockGetres = 229;
        private const long SysExitGroup = 231;
        private const long SysPpoll = 271;

        internal const long EINTR = 4;
        internal const long EAGAIN = 11;

        internal const long ProtNone = 0x0;
        internal const long ProtRead = 0x1;
        internal const long ProtWrite = 0x2;
        internal const long MapPrivate = 0x02;
        internal const long MapAnonymous = 0x20;
        internal const long MapNoReserve = 0x4000;

        internal const int ClockMonotonic = 1;
        internal const int ClockMonotonicCoarse = 6;

        internal static long Write(int fd, byte* buffer, long count) =>
            Cpu.Syscall(SysWrite, fd, (long)buffer, count, 0, 0, 0);

        internal static long Mmap(long address, long length, long protection, long flags, long fd, long offset) =>
            Cpu.Syscall(SysMmap, address, length, protection, flags, fd, offset);

        internal static long Mprotect(long address, long length, long protection) =>
            Cpu.Syscall(SysMprotect, address, length, protection, 0, 0, 0);

        internal static long Munmap(long address, long length) =>
            Cpu.Syscall(SysMunmap, address, length, 0, 0, 0, 0);

        internal static long ClockGettime(int clock, Timespec* time) =>
            Cpu.Syscall(SysClockGettime, clock, (long)time, 0, 0, 0, 0);

        internal static long ClockGetres(int clock, Timespec* resolution) =>
            Cpu.Syscall(SysClockGetres, clock, (long)resolution, 0, 0, 0, 0);

        /// <summary>ppoll(fds, count, timeout or null for none, no signal mask).</summary>
        internal static long Ppoll(PollFd* fds, long count, Timespec* timeout) =>
            Cpu.Syscall(SysPpoll, (long)fds, count, (long)timeout, 0, 8, 0);

        internal static void ExitGroup(int code) => Cpu.Syscall(SysExitGroup, code, 0, 0, 0, 0, 0);

        /// <summary>The kernel returns -4095..-1 for errors; anything else is a result.</summary>
        internal static bool IsError(long result) => (ulong)result > unchecked((ulong)-4096L);
    }

    /// <summary>struct timespec.</summary>
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>struct pollfd.</summary>
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
