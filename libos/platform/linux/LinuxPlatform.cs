using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>The platform contract on Linux: the process's own file descriptors and exit_group.</summary>
    public static unsafe class LinuxPlatform
    {
        /// <summary>Writes everything, retrying after signals and short writes; gives up silently on errors (a closed pipe), as .NET's console does.</summary>
        [RuntimeExport("tb_platform_write")]
        public static void Write(int fd, byte* buffer, int length)
        {
            while (length > 0)
            {
                long written = Syscalls.Write(fd, buffer, length);
                if (written == -Syscalls.EINTR || written == -Syscalls.EAGAIN)
                    continue;
                if (written <= 0)
                    return;
                buffer += written;
                length -= (int)written;
            }
        }

        [RuntimeExport("tb_platform_exit")]
        public static void Exit(int code)
        {
            // exit_group ends every thread of the process and does not return.
            while (true)
            {
                Syscalls.ExitGroup(code);
                Cpu.Pause();
            }
        }

        internal static void StartFailure(string message) => Testbed.LibOS.Platform.StartFailure.Report("Testbed linux start: ", message);
    }
}
