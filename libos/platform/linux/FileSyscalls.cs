using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// The x86-64 Linux system calls of the file service (<see cref="FileExports"/>). Results are the
    /// kernel's: a negative errno on failure. Paths are NUL-terminated and resolved from the current
    /// directory (AT_FDCWD), though the service is only given absolute ones.
    /// </summary>
    internal static unsafe class FileSyscalls
    {
        private const long SysRead = 0;
        private const long SysWrite = 1;
        private const long SysClose = 3;
        private const long SysFstat = 5;
        private const long SysLseek = 8;
        private const long SysPread64 = 17;
        private const long SysPwrite64 = 18;
        private const long SysFlock = 73;
        private const long SysFsync = 74;
        private const long SysFtruncate = 77;
        private const long SysGetcwd = 79;
        private const long SysOpenat = 257;
        private const long SysMkdirat = 258;
        private const long SysNewfstatat = 262;
        private const long SysUnlinkat = 263;

        private const long AtCurrentDirectory = -100;
        internal const int AtRemoveDirectory = 0x200;

        internal const int ReadOnly = 0x0;
        internal const int WriteOnly = 0x1;
        internal const int ReadWrite = 0x2;
        internal const int Create = 0x40;
        internal const int Exclusive = 0x80;
        internal const int CloseOnExec = 0x80000;

        internal const int LockShared = 1;
        internal const int LockExclusive = 2;
        internal const int LockNonBlocking = 4;

        internal const int SeekCurrent = 1;

        internal static long Openat(byte* path, int flags, int mode) => Cpu.Syscall(SysOpenat, AtCurrentDirectory, (long)path, flags, mode, 0, 0);

        internal static long Close(int fd) => Cpu.Syscall(SysClose, fd, 0, 0, 0, 0, 0);

        internal static long Read(int fd, byte* buffer, long count) => Cpu.Syscall(SysRead, fd, (long)buffer, count, 0, 0, 0);

        internal static long Write(int fd, byte* buffer, long count) => Cpu.Syscall(SysWrite, fd, (long)buffer, count, 0, 0, 0);

        internal static long Pread(int fd, byte* buffer, long count, long offset) => Cpu.Syscall(SysPread64, fd, (long)buffer, count, offset, 0, 0);

        internal static long Pwrite(int fd, byte* buffer, long count, long offset) => Cpu.Syscall(SysPwrite64, fd, (long)buffer, count, offset, 0, 0);

        internal static long Lseek(int fd, long offset, int whence) => Cpu.Syscall(SysLseek, fd, offset, whence, 0, 0, 0);

        internal static long Fstat(int fd, FileStat* status) => Cpu.Syscall(SysFstat, fd, (long)status, 0, 0, 0, 0);

        /// <summary>stat(2): follows symbolic links.</summary>
        internal static long Stat(byte* path, FileStat* status) => Cpu.Syscall(SysNewfstatat, AtCurrentDirectory, (long)path, (long)status, 0, 0, 0);

        internal static long Ftruncate(int fd, long length) => Cpu.Syscall(SysFtruncate, fd, length, 0, 0, 0, 0);

        internal static long Fsync(int fd) => Cpu.Syscall(SysFsync, fd, 0, 0, 0, 0, 0);

        internal static long Flock(int fd, int operation) => Cpu.Syscall(SysFlock, fd, operation, 0, 0, 0, 0);

        internal static long Unlinkat(byte* path, int flags) => Cpu.Syscall(SysUnlinkat, AtCurrentDirectory, (long)path, flags, 0, 0, 0);

        internal static long Mkdirat(byte* path, int mode) => Cpu.Syscall(SysMkdirat, AtCurrentDirectory, (long)path, mode, 0, 0, 0);

        /// <summary>getcwd(2): the length including the NUL.</summary>
        internal static long Getcwd(byte* buffer, long size) => Cpu.Syscall(SysGetcwd, (long)buffer, size, 0, 0, 0, 0);
    }

    /// <summary>struct stat of x86-64 (144 bytes); only the fields the service reads are named.</summary>
    internal unsafe struct FileStat
    {
        internal const uint TypeMask = 0xF000;
        internal const uint TypeDirectory = 0x4000;
        internal const uint TypeRegular = 0x8000;
        internal const uint TypeBlockDevice = 0x6000;

        public ulong Device;
        public ulong Inode;
        public ulong LinkCount;
        public uint Mode;
        public uint UserId;
        public uint GroupId;
        public uint Padding;
        public ulong SpecialDevice;
        public long Size;
        public fixed long Rest[11];
    }
}
