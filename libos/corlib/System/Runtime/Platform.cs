namespace System.Runtime
{
    /// <summary>
    /// The two functions every platform layer exports (libos/platform/*). Corlib's only way out of the
    /// image: console output, failure messages and exit.
    /// </summary>
    internal static unsafe class Platform
    {
        internal const int StandardOutput = 1;
        internal const int StandardError = 2;

        [RuntimeImport("tb_platform_write")]
        internal static extern void Write(int fd, byte* buffer, int length);

        /// <summary>Never returns.</summary>
        [RuntimeImport("tb_platform_exit")]
        internal static extern void Exit(int code);

        internal static void WriteStandardError(string text)
        {
            byte* buffer = stackalloc byte[256];
            Testbed.Runtime.Utf8Writer writer = new Testbed.Runtime.Utf8Writer(StandardError, buffer, 256);
            writer.Write(text);
            writer.Flush();
        }

        /// <summary>A failure of the runtime itself, which no handler may catch: report and exit 134.</summary>
        internal static void FailFast(string message)
        {
            WriteStandardError(message + "\n");
            Exit(ThrowHelpers.UnhandledExceptionExitCode);
        }
    }
}
