using System.Runtime;

namespace System
{
    /// <summary>
    /// A minimal .NET DateTimeOffset: only <see cref="UtcNow"/> and the Unix-time conversions, on the
    /// library OS's wall clock (Linux: CLOCK_REALTIME; PVH: the CMOS real-time clock read at the first
    /// use, advanced by the monotonic clock). Always UTC (offset zero).
    /// </summary>
    public readonly struct DateTimeOffset
    {
        /// <summary>Nanoseconds since 1970-01-01T00:00:00Z.</summary>
        private readonly long _unixNanoseconds;

        private DateTimeOffset(long unixNanoseconds)
        {
            _unixNanoseconds = unixNanoseconds;
        }

        public static DateTimeOffset UtcNow => new DateTimeOffset(WallClock.UnixNanoseconds());

        /// <summary>Whole milliseconds since the Unix epoch, rounded towards negative infinity as .NET's.</summary>
        public long ToUnixTimeMilliseconds() => FloorDivide(_unixNanoseconds, 1000000L);

        /// <summary>Whole seconds since the Unix epoch, rounded towards negative infinity as .NET's.</summary>
        public long ToUnixTimeSeconds() => FloorDivide(_unixNanoseconds, 1000000000L);

        private static long FloorDivide(long value, long divisor)
        {
            long quotient = value / divisor;
            return value % divisor < 0 ? quotient - 1 : quotient;
        }
    }
}

namespace System.Runtime
{
    /// <summary>The library OS's wall clock, which each platform layer exports (docs/runtime-contract.md).</summary>
    internal static class WallClock
    {
        /// <summary>Nanoseconds since 1970-01-01T00:00:00Z.</summary>
        [RuntimeImport("tb_clock_unix_nanoseconds")]
        internal static extern long UnixNanoseconds();
    }
}
