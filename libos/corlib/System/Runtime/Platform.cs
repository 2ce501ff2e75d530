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
    }
}
