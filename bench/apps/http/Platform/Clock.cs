using System.Threading;

namespace Http.Platform
{
    /// <summary>
    /// Every clock read of the server is here (README.md, "Core library APIs"). Two clocks:
    /// - wall-clock Unix seconds, for Date and the access log. On CoreCLR `DateTime.UtcNow`. The core library
    ///   has no wall clock yet (no DateTime/DateTimeOffset), so on Testbed <see cref="HasWallClock"/> is false:
    ///   the server then sends no Date header, as RFC 9110 §6.6.1 requires of an origin server without a
    ///   clock, and the access log counts seconds from the epoch at start-up.
    /// - monotonic milliseconds, for the idle and header timeouts. On CoreCLR `Environment.TickCount64`. The
    ///   core library has none (no Environment.TickCount64, no Stopwatch), so on Testbed a background thread
    ///   counts <see cref="Thread.Sleep(int)"/>s of <see cref="TickMilliseconds"/>: coarse, and late when every
    ///   other thread is busy (green threads are cooperative), which only makes timeouts longer.
    /// </summary>
    internal static class Clock
    {
        public const int TickMilliseconds = 100;

#if HTTP_CORECLR
        public static bool HasWallClock => true;

        public static long UnixSeconds() => (System.DateTime.UtcNow.Ticks - 621355968000000000L) / 10000000L;

        public static long MonotonicMilliseconds() => System.Environment.TickCount64;

        public static void Start() { }
#else
        private static long ticks;
        private static long uptimeSeconds;

        public static bool HasWallClock => false;

        public static long UnixSeconds() => Volatile.Read(ref uptimeSeconds);

        public static long MonotonicMilliseconds() => Volatile.Read(ref ticks) * TickMilliseconds;

        /// <summary>Starts the counting thread (once, before the first connection).</summary>
        public static void Start()
        {
            var thread = new Thread(Count) { IsBackground = true, Name = "clock" };
            thread.Start();
        }

        private static void Count()
        {
            while (true)
            {
                Thread.Sleep(TickMilliseconds);
                long t = ticks + 1;
                Volatile.Write(ref ticks, t);
                Volatile.Write(ref uptimeSeconds, t * TickMilliseconds / 1000);
            }
        }
#endif
    }
}
