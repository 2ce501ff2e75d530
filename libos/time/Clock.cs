using Testbed.LibOS.Platform;

namespace Testbed.LibOS.Time
{
    /// <summary>
    /// The monotonic clock, in the platform's ticks (<see cref="PlatformClock"/>): the TSC on PVH, whose
    /// rate the platform measured at boot (kvmclock under KVM, the PIT otherwise), and nanoseconds of
    /// CLOCK_MONOTONIC on Linux. Time zero is the first instruction of the boot trampoline on PVH and
    /// the first use of the clock on Linux.
    /// </summary>
    public static class Clock
    {
        /// <summary>Ticks per millisecond: the TSC's measured rate on PVH, 1,000,000 on Linux (ticks are nanoseconds).</summary>
        public static ulong TscKilohertz => PlatformClock.Kilohertz;

        /// <summary>The raw tick count: cheap, for measuring intervals and for deadlines (see <see cref="ToNanoseconds"/>).</summary>
        public static ulong Ticks => PlatformClock.Ticks;

        /// <summary>Nanoseconds since time zero.</summary>
        public static ulong Nanoseconds => ToNanoseconds(PlatformClock.Ticks - PlatformClock.ZeroTicks);

        public static ulong Milliseconds => Nanoseconds / 1000000UL;

        /// <summary>Ticks to nanoseconds, without overflow for any uptime.</summary>
        public static ulong ToNanoseconds(ulong ticks)
        {
            ulong khz = PlatformClock.Kilohertz;
            if (khz == 1000000UL)
                return ticks;
            return ticks / khz * 1000000UL + ticks % khz * 1000000UL / khz;
        }

        /// <summary>Nanoseconds to ticks.</summary>
        public static ulong FromNanoseconds(ulong nanoseconds)
        {
            ulong khz = PlatformClock.Kilohertz;
            if (khz == 1000000UL)
                return nanoseconds;
            return nanoseconds / 1000000UL * khz + nanoseconds % 1000000UL * khz / 1000000UL;
        }

        /// <summary>The tick count <paramref name="nanoseconds"/> from now (saturating): a deadline for <see cref="SleepUntil"/> and timed waits.</summary>
        public static ulong DeadlineIn(ulong nanoseconds)
        {
            ulong now = PlatformClock.Ticks;
            ulong ticks = FromNanoseconds(nanoseconds);
            return ticks >= ulong.MaxValue - now ? ulong.MaxValue - 1 : now + ticks;
        }

        /// <summary>Blocks the whole CPU (every thread; PVH halts, Linux blocks the process) until the clock reaches <paramref name="deadlineTicks"/>.</summary>
        public static void SleepUntil(ulong deadlineTicks)
        {
            while (PlatformClock.Ticks < deadlineTicks)
                EventLoop.Halt(deadlineTicks);
        }

        public static void Sleep(ulong nanoseconds) => SleepUntil(DeadlineIn(nanoseconds));

        public static void SleepMilliseconds(int milliseconds) => Sleep((ulong)milliseconds * 1000000UL);
    }
}
