using System.Runtime;

namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>The platform contract on Linux: the process's own file descriptors and exit_group.</summary>
    public static unsafe class LinuxPlatform
    {
        /// <summary>Exit status when the process cannot be set up (the heap reservation failed).</summary>
        public const int StartFailureExitCode = 251;

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

        internal static void StartFailure(string message)
        {
            byte* line = stackalloc byte[160];
            int length = 0;
            const string prefix = "Testbed linux start: ";
            for (int i = 0; i < prefix.Length && length < 158; i++)
                line[length++] = (byte)prefix[i];
            for (int i = 0; i < message.Length && length < 159; i++)
                line[length++] = (byte)message[i];
            line[length++] = (byte)'\n';
            Write(2, line, length);
            Exit(StartFailureExitCode);
        }
    }
}
