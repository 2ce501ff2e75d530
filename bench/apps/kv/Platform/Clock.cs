using System;

namespace Kv.Platform
{
    /// <summary>
    /// Every clock read of the server is here, so that the core library needs exactly these two APIs
    /// (README.md, "Core library APIs"). Expiry times are absolute Unix milliseconds, as Redis keeps them and
    /// as the AOF logs them (PEXPIREAT), so that a restart later does not extend a key's life; intervals
    /// (the expiry sweep, everysec fsync, uptime) use the monotonic clock, which never jumps back.
    /// </summary>
    internal static class Clock
    {
        public static long UnixMilliseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        public static long MonotonicMilliseconds() => Environment.TickCount64;
    }
}
