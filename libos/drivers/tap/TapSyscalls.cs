using System.Runtime;

namespace Testbed.LibOS.Drivers.Tap
{
    /// <summary>
    /// The x86-64 Linux system calls the tap driver and the pcap file need, over the <c>syscall</c>
    /// instruction (the platform's own <c>Syscalls</c> has only what the platform needs). Results are the
    /// kernel's: a negative errno on failure.
    /// </summary>
    public static unsafe class TapSyscalls
    {
        private const long SysRead = 0;
        private const long SysWrite = 1;
        private const long SysOpen = 2;
        private const long SysClose = 3;
        private const long SysIoctl = 16;
        private const long SysClockGettime = 228;
        private const long SysGetrandom = 318;

        public const long EINTR = 4;
        public const long EAGAIN = 11;

        public const int ReadWrite = 0x2;
        public const int WriteOnly = 0x1;
        public const int Create = 0x40;
        public const int Truncate = 0x200;
        public const int NonBlocking = 0x800;
        public const int CloseOnExec = 0x80000;

        public const int ClockRealtime = 0;

        /// <summary>_IOW('T', 202, int): attaches the descriptor to the tun/tap device an ifreq names.</summary>
        public const long TunSetInterface = 0x400454CA;
        public const short InterfaceTap = 0x0002;
        public const short InterfaceNoPacketInfo = 0x1000;
        /// <summary>IFF_VNET_HDR: every frame read or written is preceded by a struct virtio_net_hdr (10 bytes by default).</summary>
        public const short InterfaceVirtioHeader = 0x4000;
        /// <summary>_IOW('T', 208, unsigned int): the offloads the reader accepts (TUN_F_*); the tap's netdev then offers them to the host's stack.</summary>
        public const long TunSetOffload = 0x400454D0;
        public const int TunOffloadChecksum = 0x01;
        public const int TunOffloadTso4 = 0x02;

        public static long Read(int fd, byte* buffer, long count) => Cpu.Syscall(SysRead, fd, (long)buffer, count, 0, 0, 0);

        public static long Write(int fd, byte* buffer, long count) => Cpu.Syscall(SysWrite, fd, (long)buffer, count, 0, 0, 0);

        /// <summary>open(path, flags, mode); <paramref name="path"/> is NUL-terminated.</summary>
        public static long Open(byte* path, int flags, int mode) => Cpu.Syscall(SysOpen, (long)path, flags, mode, 0, 0, 0);

        public static long Close(int fd) => Cpu.Syscall(SysClose, fd, 0, 0, 0, 0, 0);

        public static long Ioctl(int fd, long request, void* argument) => Cpu.Syscall(SysIoctl, fd, request, (long)argument, 0, 0, 0);

        /// <summary>clock_gettime(clock) as nanoseconds; 0 when it fails.</summary>
        public static long ClockNanoseconds(int clock)
        {
            long* time = stackalloc long[2];
            if (IsError(Cpu.Syscall(SysClockGettime, clock, (long)time, 0, 0, 0, 0)))
                return 0;
            return time[0] * 1_000_000_000L + time[1];
        }

        /// <summary>getrandom(buffer, count, 0): bytes from the kernel's generator; false when it fails.</summary>
        public static bool GetRandom(byte* buffer, int count) => Cpu.Syscall(SysGetrandom, (long)buffer, count, 0, 0, 0, 0) == count;

        /// <summary>Writes all of <paramref name="count"/> bytes, retrying after signals and short writes; false on an error.</summary>
        public static bool WriteAll(int fd, byte* buffer, long count)
        {
            while (count > 0)
            {
                long written = Write(fd, buffer, count);
                if (written == -EINTR || written == -EAGAIN)
                    continue;
                if (written <= 0)
                    return false;
                buffer += written;
                count -= written;
            }
            return true;
        }

        /// <summary>A string as a NUL-terminated ASCII path in <paramref name="buffer"/> (false when it does not fit).</summary>
        public static bool CopyPath(string text, byte* buffer, int capacity)
        {
            if (text.Length + 1 > capacity)
                return false;
            for (int i = 0; i < text.Length; i++)
                buffer[i] = (byte)text[i];
            buffer[text.Length] = 0;
            return true;
        }

        /// <summary>The kernel returns -4095..-1 for errors; anything else is a result.</summary>
        public static bool IsError(long result) => (ulong)result > unchecked((ulong)-4096L);
    }
}
