using System.Runtime;
using Testbed.LibOS.Threading;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// With the network counters on (<c>TESTBED_NET_STATS=1</c>, `run --verbose`), SIGINT and SIGTERM end
    /// the program through its exit reports, so that a server stopped the way servers are stopped still
    /// says what its stack copied (the benchmark harness divides that by the requests it sent). The two
    /// signals are blocked and read from a signalfd by a green thread: no handler runs on a signal stack,
    /// nothing is interrupted mid-allocation, and no restorer trampoline is needed. The exit status is
    /// 128 + the signal's number, as a shell reports a program a signal ended.
    /// </summary>
    internal static unsafe class StopSignals
    {
        private const long SysRtSigprocmask = 14;
        private const long SysRead = 0;
        private const long SysSignalfd4 = 289;
        private const long SigBlock = 0;
        private const int SigInt = 2;
        private const int SigTerm = 15;
        private const long SfdNonblock = 0x800;
        private const long SfdCloexec = 0x80000;
        /// <summary>sizeof(struct signalfd_siginfo); ssi_signo is its first field.</summary>
        private const int SiginfoBytes = 128;

        private static int s_fd = -1;

        internal static void ReportOnStop()
        {
            if (s_fd >= 0)
                return;
            ulong mask = (1UL << (SigInt - 1)) | (1UL << (SigTerm - 1));
            long fd = Cpu.Syscall(SysSignalfd4, -1, (long)&mask, 8, SfdNonblock | SfdCloexec, 0, 0);
            if (Syscalls.IsError(fd))
                return;
            if (Syscalls.IsError(Cpu.Syscall(SysRtSigprocmask, SigBlock, (long)&mask, 0, 8, 0, 0)))
                return;
            s_fd = (int)fd;
            Scheduler.Spawn(Wait);
        }

        private static void Wait()
        {
            byte* info = stackalloc byte[SiginfoBytes];
            while (true)
            {
                Scheduler.WaitForFile(s_fd, Scheduler.PollIn, ulong.MaxValue);
                long read = Cpu.Syscall(SysRead, s_fd, (long)info, SiginfoBytes, 0, 0, 0);
                if (read == SiginfoBytes)
                {
                    int signal = *(int*)info;
                    ProcessExit.RunReports();
                    LinuxPlatform.Exit(128 + signal);
                }
            }
        }
    }
}
