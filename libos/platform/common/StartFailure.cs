using System.Runtime;

namespace Testbed.LibOS.Platform
{
    /// <summary>
    /// A platform layer that cannot start (no start info, no memory) says why on standard error and
    /// exits with one code on every target. No heap and no allocation: it may run before either exists.
    /// Compiled into each platform assembly, as libos/memory is.
    /// </summary>
    internal static unsafe class StartFailure
    {
        public const int ExitCode = 251;

        /// <summary>"&lt;prefix&gt;&lt;message&gt;\n" (ASCII, cut at 158 bytes), then exit; never returns.</summary>
        public static void Report(string prefix, string message)
        {
            byte* line = stackalloc byte[160];
            int length = 0;
            for (int i = 0; i < prefix.Length && length < 158; i++)
                line[length++] = (byte)prefix[i];
            for (int i = 0; i < message.Length && length < 159; i++)
                line[length++] = (byte)message[i];
            line[length++] = (byte)'\n';
            PlatformWrite(2, line, length);
            PlatformExit(ExitCode);
        }

        [RuntimeImport("tb_platform_write")]
        private static extern void PlatformWrite(int fd, byte* buffer, int length);

        [RuntimeImport("tb_platform_exit")]
        private static extern void PlatformExit(int code);
    }
}
