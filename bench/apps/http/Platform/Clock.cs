using System;

namespace Http.Platform
{
    /// <summary>
    /// Every clock read of the server is here (README.md, "Core library APIs"). Two clocks, the same APIs on
    /// CoreCLR and on Testbed's core library:
    /// - wall-clock Unix seconds, <see cref="DateTimeOffset.UtcNow"/>, for Date, Last-Modified checks and
    ///   the access log;
    /// - monotonic milliseconds, <see cref="Environment.TickCount64"/>, for the idle and header timeouts
    ///   (the wall clock may jump).
    /// </summary>
    internal static class Clock
    {
        public static long UnixSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        public static long MonotonicMilliseconds() => Environment.TickCount64;
    }
}
